package dev.cameljira.examples.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.servicenow.ServiceNowEmulator;
import dev.cameljira.sandbox.zendesk.TicketDraft;
import dev.cameljira.sandbox.zendesk.ZendeskEmulator;
import dev.cameljira.sandbox.zendesk.ZendeskPriority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: the project's offline Jira Cloud, Zendesk and ServiceNow on one loopback port, in this
 * process, with webhook secrets made up at start (SecureRandom, never logged) so that all three systems deliver
 * signed webhooks to this service, and a few tickets and incidents for the syncs to pick up. Gone when the service
 * stops; its poll cursors live in a temporary folder that goes with it.
 */
final class EmbeddedSandbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSandbox.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JiraSandbox sandbox;
    private final String jiraSecret = newSecret();
    private final String zendeskSecret = newSecret();
    private final String serviceNowSecret = newSecret();
    private final Path stateDirectory;
    private boolean seeded;

    private EmbeddedSandbox(JiraSandbox sandbox, Path stateDirectory) {
        this.sandbox = sandbox;
        this.stateDirectory = stateDirectory;
    }

    /** Starts the sandbox on 127.0.0.1:{@code port} (0: a free port). */
    static EmbeddedSandbox start(int port) {
        Path state;
        try {
            state = Files.createTempDirectory("jira-sync-state-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the poll cursors", e);
        }
        JiraSandbox sandbox;
        try {
            sandbox = JiraSandbox.builder().mode(JiraSandbox.Mode.CLOUD).host("127.0.0.1").port(port).build();
        } catch (UncheckedIOException e) {
            deleteQuietly(state);
            throw new IllegalStateException("cannot start the embedded sandbox on 127.0.0.1:" + port + " (" + e.getCause()
                    + "): free the port, set SANDBOX_PORT to another one, or set JIRA_URL etc. to sync real systems", e);
        }
        return new EmbeddedSandbox(sandbox, state);
    }

    /** The sandbox itself (Jira admin API, Zendesk and ServiceNow emulators). */
    JiraSandbox sandbox() {
        return sandbox;
    }

    String baseUrl() {
        return sandbox.baseUrl();
    }

    /**
     * The service's configuration against this sandbox: its seeded credentials, the made-up webhook secrets, webhooks
     * on with {@code ownUrl} as the public URL (the sync registers Jira's webhook there), since one hour ago.
     */
    SyncConfiguration configuration(String project, String pollInterval, Optional<String> ownUrl) {
        String base = sandbox.baseUrl();
        return new SyncConfiguration(true,
                new SyncConfiguration.Jira(base, SandboxUsers.ADMIN_EMAIL, SandboxUsers.ADMIN_TOKEN, null, jiraSecret),
                Optional.of(new SyncConfiguration.Zendesk(base, ZendeskEmulator.AGENT_EMAIL,
                        ZendeskEmulator.AGENT_API_TOKEN, zendeskSecret)),
                Optional.of(new SyncConfiguration.ServiceNow(base, ServiceNowEmulator.ADMIN_USER,
                        ServiceNowEmulator.ADMIN_PASSWORD, null, null, serviceNowSecret)),
                project, pollInterval, ownUrl, false, stateDirectory.toString(), "-1h");
    }

    /** Lets Zendesk and ServiceNow deliver their events, signed, to this service's receivers at {@code ownUrl}. */
    void deliverWebhooksTo(String ownUrl) {
        sandbox.zendesk().addWebhook(URI.create(ownUrl + "/zendesk/webhook"), zendeskSecret);
        sandbox.serviceNow().addWebhook(URI.create(ownUrl + "/servicenow/webhook"), serviceNowSecret);
    }

    /** Creates a few tickets and incidents for the syncs to pick up (once). */
    synchronized void seed() {
        if (seeded) {
            return;
        }
        seeded = true;
        ZendeskEmulator zendesk = sandbox.zendesk();
        zendesk.createTicket(TicketDraft.of("Printer on floor 3 is on fire",
                "It started smoking after the toner change. Please send someone.")
                .withPriority(ZendeskPriority.HIGH).withTags("hardware"));
        zendesk.createTicket(TicketDraft.of("Cannot log in to the VPN", "Since this morning the VPN rejects my password."));
        ServiceNowEmulator serviceNow = sandbox.serviceNow();
        serviceNow.createIncident(Map.of("short_description", "Mail server down",
                "description", "Nobody has received mail since 9:00.", "impact", "1", "urgency", "2"));
        serviceNow.createIncident(Map.of("short_description", "Laptop battery swelling",
                "description", "The battery of laptop L-1042 bulges.", "impact", "2", "urgency", "2"));
        LOG.info("Embedded sandbox: created 2 Zendesk tickets and 2 ServiceNow incidents for the syncs to pick up");
    }

    /** Secrets for the test of this module (same process); never logged. */
    String jiraWebhookSecret() {
        return jiraSecret;
    }

    String zendeskWebhookSecret() {
        return zendeskSecret;
    }

    String serviceNowWebhookSecret() {
        return serviceNowSecret;
    }

    @Override
    public void close() {
        sandbox.close();
        deleteQuietly(stateDirectory);
    }

    @Override
    public String toString() {
        return "EmbeddedSandbox[" + sandbox.baseUrl() + "]";
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("could not delete {}: {}", dir, e.toString());
        }
    }
}
