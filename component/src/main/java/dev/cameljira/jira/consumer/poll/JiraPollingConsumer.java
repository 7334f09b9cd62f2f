package dev.cameljira.jira.consumer.poll;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;

import dev.cameljira.jira.JiraConfiguration;
import dev.cameljira.jira.JiraEndpoint;
import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.client.JiraInvalidInputException;
import dev.cameljira.jira.consumer.JiraConsumerType;
import dev.cameljira.jira.consumer.JiraEventHeaders;
import dev.cameljira.jira.model.JiraIssue;
import dev.cameljira.jira.model.SearchRequest;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.RollbackExchangeException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The polling consumers {@code jira:newIssues}, {@code jira:updatedIssues} (alias {@code watchUpdates}) and
 * {@code jira:newComments}. Each poll runs one JQL search over a window that starts at the cursor (see
 * {@link PollCursor}), reads the events out of the issues found (see {@link NewIssuesPoll}, {@link UpdatedIssuesPoll},
 * {@link NewCommentsPoll}), sorts them oldest first and hands them to the route one by one as a batch
 * ({@code CamelBatchSize}, {@code CamelBatchIndex}, {@code CamelBatchComplete}), each a {@link dev.cameljira.jira.model.JiraEvent}
 * body with the same headers as the webhook consumer sets.
 *
 * <p>Delivery: after each exchange the route completed, the event is recorded in the cursor and the cursor saved in
 * the {@code stateRepository}; when an exchange fails, the batch stops there and the cursor stays before it, so the
 * next poll delivers the failed event (and what followed it) again. Every event reaches the route at least once, and an
 * event the route completed is never delivered again, across restarts too when the repository is persistent.
 *
 * <p>Economy: one search request per page, with the needed fields and {@code expand=changelog} inline; per-issue
 * requests only for issues whose changelog or comments exceed what a search returns (see {@link ChangelogReader},
 * {@link NewCommentsPoll}); {@code /myself} and {@code serverInfo} once per start.
 */
public class JiraPollingConsumer extends ScheduledBatchPollingConsumer {

    /** Default poll delay of the jira: consumers, as camel-jira's: 6 seconds. */
    public static final long DEFAULT_DELAY = 6000;

    private static final Logger LOG = LoggerFactory.getLogger(JiraPollingConsumer.class);

    private final JiraEndpoint endpoint;
    private final JiraConsumerType type;
    private final StateRepository<String, String> memoryRepository = new MemoryStateRepository();

    private PollKind kind;
    private PollSince since;
    private Duration overlap;
    private int pageSize;
    private List<String> fields;
    private String expand;
    private PollCursorStore store;
    private long startedNanos;

    // known after the first poll of a start
    private ZoneId zone;
    private PollCursor cursor;
    // the batch being processed
    private boolean advanceOnEmit;

    public JiraPollingConsumer(JiraEndpoint endpoint, Processor processor, JiraConsumerType type) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.type = type;
    }

    /** The consumer kind. */
    public JiraConsumerType getType() {
        return type;
    }

    /** The key the cursor is stored under (known once started). */
    public String getStateKey() {
        return store == null ? null : store.key();
    }

    @Override
    protected void doStart() throws Exception {
        JiraConfiguration c = endpoint.getConfiguration();
        JiraPollingConfiguration p = endpoint.getPollingConfiguration();
        String name = "jira:" + type.uriName();
        since = PollSince.parse(p.getSince());
        if (c.getMaxResults() < 1) {
            throw new JiraInvalidInputException(name + ": maxResults (the search page size) must be at least 1, was " + c.getMaxResults());
        }
        if (p.getOverlap() < 0) {
            throw new JiraInvalidInputException(name + ": overlap must not be negative, was " + p.getOverlap() + " ms");
        }
        if (p.getMaxMessagesPerPoll() < 0) {
            throw new JiraInvalidInputException(name + ": maxMessagesPerPoll must not be negative (0 = no limit), was "
                                                + p.getMaxMessagesPerPoll());
        }
        if (p.getStateKey() != null && PollCursorStore.problem(p.getStateKey()) != null) {
            throw new JiraInvalidInputException(name + ": " + PollCursorStore.problem(p.getStateKey()));
        }
        if (p.isIncludeComments() && type != JiraConsumerType.UPDATED_ISSUES) {
            throw new JiraInvalidInputException(name + ": includeComments is an updatedIssues option (newComments emits "
                                                + "comments already)");
        }
        kind = kind(type, p);
        setMaxMessagesPerPoll(p.getMaxMessagesPerPoll());
        overlap = Duration.ofMillis(p.getOverlap());
        pageSize = c.getMaxResults();
        fields = fields(c.getFields(), kind.requiredFields());
        expand = expand(c.getExpand(), kind.requiredExpand());
        StateRepository<String, String> repository = p.getStateRepository() != null ? p.getStateRepository() : memoryRepository;
        ServiceHelper.startService(repository);
        store = new PollCursorStore(repository, p.getStateKey() != null ? p.getStateKey() : PollCursorStore.defaultKey(type, c));
        startedNanos = System.nanoTime();
        zone = null;
        cursor = null;
        super.doStart();
    }

    private static PollKind kind(JiraConsumerType type, JiraPollingConfiguration p) {
        return switch (type) {
            case NEW_ISSUES -> new NewIssuesPoll();
            case UPDATED_ISSUES -> p.isIncludeComments()
                    ? new BothPolls(new UpdatedIssuesPoll(split(p.getWatchedFields())), new NewCommentsPoll())
                    : new UpdatedIssuesPoll(split(p.getWatchedFields()));
            case NEW_COMMENTS -> new NewCommentsPoll();
            case WEBHOOK -> throw new IllegalArgumentException("jira:webhook is not a polling consumer");
        };
    }

    @Override
    protected int poll() throws Exception {
        JiraApi api = endpoint.getApi();
        ZoneId z = zone(api);
        PollCursor c = cursor(api, z);
        Instant from = c.windowStart(overlap, z);
        String jql = PollJql.window(endpoint.getConfiguration().getJql(), kind.timeField(), from, z);
        PollSearch.Result found = PollSearch.run(api, jql, fields, expand, pageSize);

        List<PolledEvent> events = new ArrayList<>();
        PollWindow window = new PollWindow(api, from, c);
        for (JiraIssue issue : found.issues()) {
            kind.collect(issue, window, events);
        }
        events.sort(PolledEvent.ORDER);
        boolean all = maxMessagesPerPoll <= 0 || events.size() <= maxMessagesPerPoll;
        List<PolledEvent> batch = all ? events : events.subList(0, maxMessagesPerPoll);
        LOG.debug("jira:{} searched {} ({} request(s){}): {} issue(s), {} new event(s)", type.uriName(), jql, found.requests(),
                found.complete() ? "" : ", issues moved while paging", found.issues().size(), events.size());

        advanceOnEmit = found.complete();
        int done = processBatch(new ArrayDeque<>(batch));
        // a complete poll whose events all went through vouches for everything up to the latest issue time it saw
        if (done == batch.size() && all && found.complete() && isRunAllowed()
            && c.advanceTo(found.horizon(kind::issueTime), overlap, z)) {
            store.save(c);
        }
        return done;
    }

    @Override
    public int processBatch(Queue<Object> batch) throws Exception {
        int total = batch.size();
        int index = 0;
        while (!batch.isEmpty() && isBatchAllowed()) {
            PolledEvent event = (PolledEvent) batch.poll();
            pendingExchanges = total - index - 1;
            Exchange exchange = createExchange(false);
            try {
                JiraEventHeaders.apply(exchange.getMessage(), event.event());
                exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
                exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
                exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
                try {
                    getProcessor().process(exchange);
                } catch (Exception e) {
                    exchange.setException(e);
                }
                if (exchange.isFailed() || exchange.isRollbackOnly()) {
                    Exception cause = exchange.getException() != null ? exchange.getException()
                            : new RollbackExchangeException("the route rolled the exchange back", exchange);
                    getExceptionHandler().handleException("jira:" + type.uriName() + " could not deliver " + event
                                                          + "; the cursor stays before it, so the next poll delivers it again",
                            exchange, cause);
                    pendingExchanges = 0;
                    return index;
                }
                cursor.emitted(event.key(), event.at(), advanceOnEmit, overlap, zone);
                store.save(cursor);
            } finally {
                releaseExchange(exchange, false);
            }
            index++;
        }
        pendingExchanges = 0;
        return index;
    }

    private ZoneId zone(JiraApi api) {
        if (zone == null) {
            zone = JiraUserTime.zone(api);
        }
        return zone;
    }

    private PollCursor cursor(JiraApi api, ZoneId z) {
        if (cursor == null) {
            PollCursor stored = store.load();
            if (stored == null) {
                Instant jiraNowAtStart = since.relative()
                        ? JiraUserTime.now(api).minusNanos(System.nanoTime() - startedNanos) : null;
                stored = PollCursor.startingAt(since.resolve(jiraNowAtStart, z));
                store.save(stored);
                LOG.info("jira:{} starts at {} (since={}); cursor stored under {}", type.uriName(), stored.since(),
                        endpoint.getPollingConfiguration().getSince(), store.key());
            } else {
                LOG.debug("jira:{} resumes from {}", type.uriName(), stored);
            }
            cursor = stored;
        }
        return cursor;
    }

    static List<String> fields(String userFields, List<String> required) {
        LinkedHashSet<String> all = new LinkedHashSet<>(split(userFields == null || userFields.isBlank() ? "*navigable" : userFields));
        all.addAll(required);
        return new ArrayList<>(all);
    }

    static String expand(String userExpand, String required) {
        LinkedHashSet<String> all = new LinkedHashSet<>(split(userExpand));
        if (required != null) {
            all.add(required);
        }
        return all.isEmpty() ? null : String.join(",", all);
    }

    static List<String> split(String csv) {
        return csv == null ? List.of() : SearchRequest.csv(List.of(csv));
    }
}
