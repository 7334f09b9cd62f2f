package dev.cameljira.faults;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.servicenow.ServiceNowEmulator;
import dev.cameljira.sandbox.zendesk.ZendeskEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.util.URISupport;

/**
 * Every secret the suite uses, and what the suite saw that must not carry one: the message of every exception a test
 * caught (with its causes and suppressed ones) and every endpoint URI of every CamelContext it ran. Tests record here;
 * {@link SecretsAtDebugTest}, ordered last, checks it together with the DEBUG log of the whole run.
 */
final class SuiteSecrets {

    /** The shared secret of the suite's {@code jira:webhook} endpoints. */
    static final String WEBHOOK_SECRET = "faults-webhook-secret-5b1e9c";
    /** A wrong password / token some tests send on purpose (refused: it must not show either). */
    static final String WRONG_TOKEN = "faults-wrong-token-77a1";

    private static final ConcurrentLinkedQueue<String> EXCEPTIONS = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<String> RAW_URIS = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<String> PRINTED_URIS = new ConcurrentLinkedQueue<>();
    private static final Set<String> CLASSES_RUN = Collections.synchronizedSet(new LinkedHashSet<>());

    private SuiteSecrets() {
    }

    /** Every secret of the suite, in the forms it travels in (plain, and basic-auth base64 of each login). */
    static List<String> all() {
        List<String> secrets = new ArrayList<>(List.of(WEBHOOK_SECRET, WRONG_TOKEN, SandboxUsers.ADMIN_TOKEN,
                SandboxUsers.USER_TOKEN, SandboxUsers.OAUTH_ACCESS_TOKEN, ZendeskEmulator.AGENT_API_TOKEN,
                ServiceNowEmulator.ADMIN_PASSWORD));
        secrets.add(basic(SandboxUsers.ADMIN_EMAIL, SandboxUsers.ADMIN_TOKEN));
        secrets.add(basic(SandboxUsers.ADMIN_NAME, SandboxUsers.ADMIN_TOKEN));
        secrets.add(basic(SandboxUsers.ADMIN_EMAIL, WRONG_TOKEN));
        secrets.add(basic(SandboxUsers.ADMIN_NAME, WRONG_TOKEN));
        secrets.add(basic(ZendeskEmulator.AGENT_EMAIL + "/token", ZendeskEmulator.AGENT_API_TOKEN));
        secrets.add(basic(ServiceNowEmulator.ADMIN_USER, ServiceNowEmulator.ADMIN_PASSWORD));
        // the OAuth 1.0a private key: any 40 characters of it in a row (base64, or PEM lines of 64)
        String key = SandboxUsers.OAUTH_PRIVATE_KEY_PKCS8_BASE64;
        secrets.add(key.substring(0, 40));
        secrets.add(key.substring(key.length() / 2, key.length() / 2 + 40));
        return secrets;
    }

    /** The Jira credentials, which are set on the component and so must not be in any endpoint URI, even unmasked. */
    static List<String> jiraCredentials() {
        return List.of(SandboxUsers.ADMIN_TOKEN, SandboxUsers.USER_TOKEN, SandboxUsers.OAUTH_ACCESS_TOKEN, WRONG_TOKEN);
    }

    static String basic(String login, String secret) {
        return Base64.getEncoder().encodeToString((login + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** Records an exception's text, its causes' and its suppressed exceptions'. */
    static void exception(Throwable t) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        record(t, seen);
    }

    private static void record(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        EXCEPTIONS.add(t.getClass().getName() + ": " + t.getMessage() + " / " + t);
        for (Throwable s : t.getSuppressed()) {
            record(s, seen);
        }
        record(t.getCause(), seen);
    }

    /** Records every endpoint of the context: its raw URI, its sanitized URI and how it prints. */
    static void endpoints(CamelContext context) {
        for (Endpoint e : context.getEndpoints()) {
            RAW_URIS.add(e.getEndpointUri());
            PRINTED_URIS.add(URISupport.sanitizeUri(e.getEndpointUri()));
            PRINTED_URIS.add(String.valueOf(e));
        }
        context.getEndpointRegistry().forEach((key, endpoint) -> PRINTED_URIS.add(URISupport.sanitizeUri(String.valueOf(key))));
    }

    /** Notes that a test class ran (so the final check can tell what it covered). */
    static void ran(Class<?> testClass) {
        CLASSES_RUN.add(testClass.getSimpleName());
    }

    static List<String> exceptions() {
        return List.copyOf(EXCEPTIONS);
    }

    static List<String> rawUris() {
        return List.copyOf(RAW_URIS);
    }

    static List<String> printedUris() {
        return List.copyOf(PRINTED_URIS);
    }

    /** The test classes that ran so far, in order. */
    static List<String> classesRun() {
        synchronized (CLASSES_RUN) {
            return List.copyOf(CLASSES_RUN);
        }
    }
}
