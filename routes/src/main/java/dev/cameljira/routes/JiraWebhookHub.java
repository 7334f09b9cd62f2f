package dev.cameljira.routes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.cameljira.jira.model.JiraEvent;
import dev.cameljira.routes.engine.JiraEvents;
import dev.cameljira.routes.engine.SyncEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * One {@code jira:webhook} route per path, shared by every sync of the CamelContext that receives Jira's webhook there
 * (a Zendesk and a ServiceNow sync both listen on {@code /jira/webhook}): each delivery is turned into a
 * {@link SyncEvent} once and handed to every sync, which keeps what concerns it. The route answers 5xx when a sync
 * could not take the event, so Jira delivers it again (the syncs drop what they already applied).
 */
final class JiraWebhookHub {
    static final String BEAN_NAME = "jiraSyncWebhookHub";

    private final CamelContext context;
    private final Map<String, Path> paths = new LinkedHashMap<>();

    private static final class Path {
        final String path;
        final String secret;
        final String component;
        final List<SyncRuntime> syncs = new CopyOnWriteArrayList<>();
        final Set<String> projects = new LinkedHashSet<>();
        String publicUrl;
        String idempotentRepository;
        boolean installed;

        Path(String path, String secret, String component) {
            this.path = path;
            this.secret = secret;
            this.component = component;
        }
    }

    private JiraWebhookHub(CamelContext context) {
        this.context = context;
    }

    /** The hub of the context, created on first use. */
    static synchronized JiraWebhookHub of(CamelContext context) {
        JiraWebhookHub hub = context.getRegistry().lookupByNameAndType(BEAN_NAME, JiraWebhookHub.class);
        if (hub == null) {
            hub = new JiraWebhookHub(context);
            context.getRegistry().bind(BEAN_NAME, JiraWebhookHub.class, hub);
        }
        return hub;
    }

    /** A sync announces (when its template is instantiated) that it will receive Jira's webhook on its path. */
    synchronized void announce(SyncSettings s) {
        Path p = paths.get(s.jiraWebhookPath());
        if (p == null) {
            p = new Path(s.jiraWebhookPath(), s.jiraWebhookSecret(), s.jiraComponent());
            paths.put(s.jiraWebhookPath(), p);
        } else {
            if (!Objects.equals(p.secret, s.jiraWebhookSecret())) {
                throw new IllegalArgumentException(s.system().templateId() + ": parameter 'jiraWebhookSecret' differs "
                        + "from the secret of another sync receiving Jira's webhook on " + s.jiraWebhookPath()
                        + "; syncs sharing a path share its secret");
            }
            if (!p.component.equals(s.jiraComponent())) {
                throw new IllegalArgumentException(s.system().templateId() + ": parameter 'jiraWebhookPath' "
                        + s.jiraWebhookPath() + " is used by a sync of another Jira connection (" + p.component
                        + "); give each connection its own path");
            }
        }
        p.projects.add(s.jiraProject());
        if (s.publicUrl() != null && p.publicUrl == null) {
            p.publicUrl = s.publicUrl();
        }
        if (s.idempotentRepository() != null && p.idempotentRepository == null) {
            p.idempotentRepository = s.idempotentRepository();
        }
    }

    /** A started sync attaches; the path's route is added with the first one. */
    synchronized void attach(SyncRuntime sync) throws Exception {
        SyncSettings s = sync.settings();
        Path p = paths.get(s.jiraWebhookPath());
        if (!p.syncs.contains(sync)) {
            p.syncs.add(sync);
        }
        if (!p.installed) {
            p.installed = true;
            String secretBean = "jiraSyncWebhookSecret" + p.path.replaceAll("[^A-Za-z0-9]", "-");
            StringBuilder uri = new StringBuilder(p.component).append(":webhook?webhookPath=").append(enc(p.path))
                    .append("&events=").append(enc("jira:issue_updated,jira:issue_deleted,comment_created,comment_updated"));
            if (p.secret != null) {
                context.getRegistry().bind(secretBean, String.class, p.secret);
                uri.append("&secret=#bean:").append(secretBean);
            } else {
                // only reached with allowUnsignedWebhooks=true (SyncSettings refuses a blank secret otherwise); the
                // component refuses to start without a secret unless told so explicitly
                uri.append("&allowUnsigned=true");
            }
            if (p.publicUrl != null) {
                uri.append("&registerWebhook=true&webhookExternalUrl=").append(enc(p.publicUrl + p.path))
                        .append("&webhookName=").append(enc("camel-jira-sync " + p.path))
                        .append("&jql=").append(enc("project in (" + String.join(", ", p.projects) + ")"));
            }
            if (p.idempotentRepository != null) {
                uri.append("&idempotentRepository=#").append(p.idempotentRepository);
            }
            // the listener the sync bound for this Jira connection (see SyncRuntime.jiraUri): refused deliveries reach
            // the monitor
            String callListener = SyncRuntime.CALL_LISTENER + "-" + p.component;
            if (context.getRegistry().lookupByName(callListener) != null) {
                uri.append("&callListener=#").append(callListener);
            }
            String routeId = "jira-sync-webhook" + p.path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
            Path path = p;
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri.toString()).routeId(routeId)
                            .errorHandler(noErrorHandler())
                            .process(e -> dispatch(path, e));
                }
            });
        }
    }

    /** A stopped sync detaches (its events are no longer handed to it). */
    void detach(SyncRuntime sync) {
        for (Path p : paths.values()) {
            p.syncs.remove(sync);
        }
    }

    private void dispatch(Path p, Exchange exchange) {
        JiraEvent event = exchange.getIn().getBody(JiraEvent.class);
        SyncEvent e = JiraEvents.of(event);
        if (e == null) {
            return;
        }
        List<RuntimeException> failures = new ArrayList<>();
        for (SyncRuntime sync : p.syncs) {
            try {
                sync.accept(e);
            } catch (RuntimeException ex) {
                failures.add(ex);
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
