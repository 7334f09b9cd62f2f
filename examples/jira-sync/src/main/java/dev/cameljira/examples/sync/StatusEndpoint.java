package dev.cameljira.examples.sync;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.routes.SyncMonitor;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;

/**
 * {@code GET /sync/status}: what the syncs are and did lately, as JSON, for the status page ({@code /}, the static
 * {@code index.html} that polls it) and for scripts. Built from {@link SyncMonitor#snapshot()} (newest first) plus the
 * syncs' state, the replica's part in a cluster ({@code cluster}: mode, member, leader) and, in embedded mode, where the
 * sandbox is. Served on Quarkus' own HTTP server.
 */
@Singleton
public class StatusEndpoint {
    static final String PATH = "/sync/status";

    @Inject
    @Named(SyncMonitor.BEAN_NAME)
    SyncMonitor monitor;

    @Inject
    SyncSetup setup;

    @Inject
    CamelContext camel;

    @Inject
    ClusterSetup cluster;

    void routes(@Observes Router router) {
        router.route(HttpMethod.GET, PATH).handler(this::status);
    }

    private void status(RoutingContext rc) {
        String body;
        try {
            body = Json.MAPPER.writeValueAsString(status());
        } catch (JsonProcessingException e) {
            rc.response().setStatusCode(500).end("cannot render the status");
            return;
        }
        rc.response().putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(body);
    }

    /** The status document. */
    ObjectNode status() {
        SyncMonitor.Snapshot s = monitor.snapshot();
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("at", s.at().toString());
        SyncConfiguration c = setup.configuration();
        Optional<EmbeddedSandbox> embedded = setup.embedded();
        root.put("mode", embedded.isPresent() ? "embedded" : "environment");
        embedded.ifPresent(e -> root.put("sandbox", e.baseUrl()));
        if (c != null) {
            root.put("jira", c.jira().url());
            root.put("project", c.jiraProject());
            root.put("webhooks", c.webhooks());
            root.put("pollInterval", c.pollInterval());
        }
        // replicas: cluster mode, this replica's name and whether it leads the pollers, the shared database
        root.set("cluster", Json.MAPPER.valueToTree(cluster.status()));
        ArrayNode syncs = root.putArray("syncs");
        sync(syncs, SyncSetup.ZENDESK_SYNC, "Zendesk", c == null ? null : c.zendesk().map(z -> z.url()).orElse(null),
                "ZENDESK_URL");
        sync(syncs, SyncSetup.SERVICENOW_SYNC, "ServiceNow",
                c == null ? null : c.serviceNow().map(z -> z.url()).orElse(null), "SERVICENOW_URL");
        ObjectNode counters = root.putObject("counters");
        s.counters().forEach(counters::put);
        ArrayNode links = root.putArray("links");
        for (SyncMonitor.Link l : s.links()) {
            ObjectNode n = links.addObject();
            n.put("at", l.at().toString()).put("sync", l.sync()).put("jiraKey", l.jiraKey()).put("other", l.other())
                    .put("otherUrl", l.otherUrl());
            if (c != null && embedded.isEmpty()) {
                n.put("jiraUrl", c.jira().url() + "/browse/" + l.jiraKey());
            }
        }
        entries(root.putArray("actions"), s.actions());
        entries(root.putArray("events"), s.events());
        ArrayNode failures = root.putArray("failures");
        for (SyncMonitor.Failure f : s.failures()) {
            failures.addObject().put("at", f.at().toString()).put("sync", f.sync()).put("direction", f.direction())
                    .put("reason", f.reason()).put("link", f.link()).put("deadLettered", f.deadLettered());
        }
        ArrayNode polls = root.putArray("polls");
        for (SyncMonitor.Poll p : s.polls()) {
            polls.addObject().put("sync", p.sync()).put("poller", p.poller()).put("at", p.at().toString())
                    .put("lagSeconds", seconds(p.lag()));
        }
        entries(root.putArray("unmapped"), s.unmapped());
        return root;
    }

    private void sync(ArrayNode syncs, String id, String system, String url, String variable) {
        ObjectNode n = syncs.addObject().put("id", id).put("system", system);
        if (!setup.configured(id)) {
            n.put("status", "not configured").put("reason", variable + " is not set");
            return;
        }
        ServiceStatus status = camel.getRouteController().getRouteStatus(id);
        n.put("status", status == null ? "absent" : status.name());
        n.put("url", url);
    }

    private static void entries(ArrayNode into, List<SyncMonitor.Entry> entries) {
        for (SyncMonitor.Entry e : entries) {
            into.addObject().put("at", e.at().toString()).put("sync", e.sync()).put("kind", e.kind())
                    .put("text", e.text());
        }
    }

    private static double seconds(Duration d) {
        return d == null ? 0 : d.toMillis() / 1000.0;
    }

    /**
     * The mapper, made on the first status request rather than when the router is set up at start (this class is
     * initialised then, and an ObjectMapper's construction was a measurable share of the start-up profile).
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
