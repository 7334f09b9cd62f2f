package dev.cameljira.jira.consumer.poll;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.jira.JiraComponent;
import dev.cameljira.jira.JiraConfiguration;
import dev.cameljira.jira.model.JiraEvent;
import dev.cameljira.jira.test.JiraSandboxTestSupport;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.spec.HttpExchangeRecord;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the polling consumer tests: the spec-checked sandbox runs on a {@link PollingTestClock} (so several changes
 * land in the same minute when a test wants them to) and in a Jira user time zone half an hour off a whole hour and
 * behind UTC (America/St_Johns), so a JQL date written in the wrong zone, or not floored to the minute, makes a window
 * start late and loses events. Routes run with {@code startScheduler=false}: the test drives each poll itself.
 */
abstract class PollingTestSupport extends JiraSandboxTestSupport {

    protected static final ZoneId USER_ZONE = ZoneId.of("America/St_Johns");
    protected final PollingTestClock clock = new PollingTestClock(Instant.parse("2026-03-10T12:00:07.250Z"), USER_ZONE);
    protected final PollingRecorder recorder = new PollingRecorder();
    private final AtomicInteger routes = new AtomicInteger();

    @Override
    protected void configureSandbox(JiraSandbox.Builder builder) {
        builder.clock(clock).zone(USER_ZONE);
    }

    /** Each test starts an hour after the previous one, so earlier tests' changes are far outside any window. */
    @BeforeEach
    void nextHour() {
        clock.advance(Duration.ofHours(1));
        recorder.clear();
    }

    @AfterEach
    void removeRoutes() throws Exception {
        for (Route r : List.copyOf(context.getRoutes())) {
            context.getRouteController().stopRoute(r.getRouteId());
            context.removeRoute(r.getRouteId());
        }
    }

    /** Moves Jira's clock on by a few seconds, as between two user actions. */
    protected Instant tick() {
        return clock.advance(Duration.ofSeconds(7));
    }

    /**
     * Adds and starts a route {@code from(uri)} ending in the recorder, with the scheduler off, then runs the first poll
     * (which stores the cursor at the start).
     */
    protected JiraPollingConsumer startPolling(String uri) throws Exception {
        JiraPollingConsumer consumer = addRoute(context, uri, recorder);
        consumer.poll();
        return consumer;
    }

    /** Adds a route to {@code ctx} (scheduler off) and returns its consumer. */
    protected JiraPollingConsumer addRoute(CamelContext ctx, String uri, Processor to) throws Exception {
        String id = "poll-" + routes.incrementAndGet();
        String full = uri + (uri.contains("?") ? "&" : "?") + "startScheduler=false";
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(full).routeId(id).process(to);
            }
        });
        return (JiraPollingConsumer) ctx.getRoute(id).getConsumer();
    }

    /** A new, started CamelContext whose jira component points at the sandbox, with the given beans. */
    protected CamelContext newContext(Map<String, Object> beans) throws Exception {
        CamelContext ctx = new DefaultCamelContext();
        JiraComponent jira = new JiraComponent();
        JiraConfiguration c = jira.getConfiguration();
        c.setJiraUrl(sandbox.baseUrl());
        c.setUsername(isCloud() ? SandboxUsers.ADMIN_EMAIL : SandboxUsers.ADMIN_NAME);
        c.setApiToken(SandboxUsers.ADMIN_TOKEN);
        ctx.addComponent("jira", jira);
        beans.forEach((k, v) -> ctx.getRegistry().bind(k, v));
        ctx.getShutdownStrategy().setTimeout(10);
        ctx.start();
        return ctx;
    }

    /** Creates an issue in DEMO after a tick; returns its key. */
    protected String createIssue(String summary) {
        tick();
        return sandbox.admin().createIssue("DEMO", "Task", summary);
    }

    /** Creates an issue with extra fields after a tick; returns its key. */
    protected String createIssue(String summary, Map<String, ?> fields) {
        tick();
        return sandbox.admin().createIssue("DEMO", "Task", summary, fields);
    }

    protected void update(String key, Map<String, ?> fields) {
        tick();
        sandbox.admin().updateIssue(key, fields);
    }

    protected void transition(String key, String status) {
        tick();
        sandbox.admin().transition(key, status);
    }

    protected String comment(String key, String text) {
        tick();
        return sandbox.admin().addComment(key, text);
    }

    /** The issue's id. */
    protected String idOf(String key) {
        return sandbox.admin().issue(key).path("id").asText();
    }

    /** Ids of the issue's change histories, oldest first. */
    protected List<String> historyIds(String key) {
        JsonNode histories = sandbox.admin().issue(key).path("changelog").path("histories");
        return java.util.stream.StreamSupport.stream(histories.spliterator(), false).map(h -> h.path("id").asText()).toList();
    }

    /** The search path of this deployment. */
    protected String searchPath() {
        return isCloud() ? "/rest/api/3/search/jql" : "/rest/api/2/search";
    }

    /** Requests recorded since the last clear, as "METHOD path". */
    protected List<String> requests() {
        return sandbox.admin().requests().stream().map(PollingTestSupport::describe).toList();
    }

    private static String describe(HttpExchangeRecord r) {
        return r.method() + " " + r.path();
    }

    /** Keys of the issues of the events, in order. */
    protected static List<String> keys(List<JiraEvent> events) {
        return events.stream().map(JiraEvent::issueKey).toList();
    }

    /** A check that may throw. */
    @FunctionalInterface
    protected interface Check<T> {
        void accept(T value) throws Exception;
    }

    /**
     * The restart scenario shared by the state repositories: a first CamelContext polls every consumer kind with a
     * repository bound as {@code cursors}, fails some deliveries and stops; changes happen while nothing runs; a second
     * CamelContext with a NEW repository from {@code repositories} (same storage) and {@code since=-2d} (ignored, since
     * a cursor is stored) must deliver every change exactly once across both. {@code afterResume} checks the storage
     * while the second context still runs.
     */
    protected void assertResumesAcrossContexts(java.util.function.Supplier<Object> repositories,
                                               Check<List<JiraPollingConsumer>> afterResume) throws Exception {
        String seeded = createIssue("seeded");
        clock.advance(Duration.ofMinutes(1));

        CamelContext first = newContext(Map.of("cursors", repositories.get()));
        List<JiraPollingConsumer> consumers = addAllKinds(first, "since=now");
        pollAll(consumers);

        List<String> expected = new java.util.ArrayList<>();
        String a = createIssue("A");
        expected.add("created " + a);
        update(seeded, Map.of("summary", "seeded, changed once"));
        expected.add("history " + lastHistory(seeded));
        expected.add("comment " + comment(a, "on A"));
        pollAll(consumers);
        org.assertj.core.api.Assertions.assertThat(completed()).containsExactlyInAnyOrderElementsOf(expected);

        // changes the first context sees but fails to deliver, and changes made while nothing runs
        recorder.failWhen(e -> true);
        String b = createIssue("B");
        expected.add("created " + b);
        update(a, Map.of("summary", "A changed"));
        expected.add("history " + lastHistory(a));
        pollAll(consumers);
        recorder.failWhen(e -> false);
        first.stop();
        String c = createIssue("C");
        expected.add("created " + c);
        expected.add("comment " + comment(b, "on B"));
        transition(seeded, "In Progress");
        expected.add("history " + lastHistory(seeded));
        clock.advance(Duration.ofMinutes(3));

        CamelContext second = newContext(Map.of("cursors", repositories.get()));
        try {
            consumers = addAllKinds(second, "since=-2d");
            pollAll(consumers);
            pollAll(consumers);
            org.assertj.core.api.Assertions.assertThat(completed()).as("every change exactly once across the two contexts")
                    .containsExactlyInAnyOrderElementsOf(expected).doesNotHaveDuplicates();
            afterResume.accept(consumers);
        } finally {
            second.stop();
        }
    }

    private List<JiraPollingConsumer> addAllKinds(CamelContext ctx, String since) throws Exception {
        List<JiraPollingConsumer> out = new java.util.ArrayList<>();
        for (String kind : List.of("newIssues", "updatedIssues", "newComments")) {
            out.add(addRoute(ctx, "jira:" + kind + "?stateRepository=#cursors&" + since, recorder));
        }
        return out;
    }

    private static void pollAll(List<JiraPollingConsumer> consumers) throws Exception {
        for (JiraPollingConsumer c : consumers) {
            c.poll();
        }
    }

    private String lastHistory(String key) {
        List<String> ids = historyIds(key);
        return ids.get(ids.size() - 1);
    }

    /** What the route completed, as "created KEY", "history ID" or "comment ID". */
    protected List<String> completed() {
        return recorder.events().stream().map(PollingTestSupport::describe).toList();
    }

    static String describe(JiraEvent e) {
        return switch (e.type()) {
            case "jira:issue_created" -> "created " + e.issueKey();
            case "jira:issue_updated" -> "history " + e.changelogId();
            default -> "comment " + e.comment().id();
        };
    }
}
