package dev.cameljira.jira.consumer.poll;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraInvalidInputException;
import dev.cameljira.jira.model.ChangeItem;
import dev.cameljira.jira.model.JiraEvent;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The polling consumers against the sandbox, in Cloud and in Data Center mode; each test drives the polls itself. */
abstract class PollingConsumerContract extends PollingTestSupport {

    @Test
    void newIssuesEmitsEachCreatedIssueOnceOldestFirstWithHeadersAndBatchProperties() throws Exception {
        createIssue("before the start");
        clock.advance(java.time.Duration.ofMinutes(1));
        JiraPollingConsumer consumer = startPolling("jira:newIssues");
        assertThat(consumer.getDelay()).as("camel-jira's default poll delay").isEqualTo(JiraPollingConsumer.DEFAULT_DELAY);
        String a = createIssue("first");
        String b = createIssue("second");
        String c = createIssue("third");

        assertThat(consumer.poll()).isEqualTo(3);
        assertThat(consumer.poll()).as("nothing new").isZero();

        List<PollingRecorder.Delivery> got = recorder.deliveries();
        assertThat(keys(recorder.events())).containsExactly(a, b, c);
        JiraEvent first = got.get(0).event();
        assertThat(first.type()).isEqualTo("jira:issue_created");
        assertThat(first.source()).isEqualTo(JiraEvent.Source.POLL);
        assertThat(first.issue().summary()).isEqualTo("first");
        assertThat(first.issueEventType()).isEqualTo("issue_created");
        assertThat(first.user().displayName()).isEqualTo("Sandbox Admin");
        assertThat(first.timestamp()).isEqualTo(first.issue().created().toInstant());
        Map<String, Object> h = got.get(0).headers();
        assertThat(h).containsEntry(JiraConstants.EVENT_TYPE, "jira:issue_created")
                .containsEntry(JiraConstants.ISSUE_KEY, a)
                .containsEntry(JiraConstants.ISSUE_ID, idOf(a))
                .containsEntry(JiraConstants.PROJECT_KEY, "DEMO")
                .containsEntry(JiraConstants.EVENT_SOURCE, "POLL")
                .containsEntry(JiraConstants.CHANGED_FIELDS, List.of());
        assertThat(got).extracting(PollingRecorder.Delivery::batchIndex).containsExactly(0, 1, 2);
        assertThat(got).extracting(PollingRecorder.Delivery::batchSize).containsExactly(3, 3, 3);
        assertThat(got).extracting(PollingRecorder.Delivery::batchComplete).containsExactly(false, false, true);
    }

    @Test
    void updatedIssuesEmitsOneEventPerChangeWithTheChangedFieldsFromTheChangelog() throws Exception {
        String key = createIssue("to be changed");
        clock.advance(java.time.Duration.ofMinutes(1));
        JiraPollingConsumer consumer = startPolling("jira:watchUpdates");
        update(key, Map.of("summary", "changed", "priority", Map.of("name", "High")));
        transition(key, "In Progress");
        String other = createIssue("created after the start");

        assertThat(consumer.poll()).isEqualTo(2);
        assertThat(consumer.poll()).isZero();

        List<PollingRecorder.Delivery> got = recorder.deliveries();
        List<String> histories = historyIds(key);
        JiraEvent edit = got.get(0).event();
        assertThat(edit.type()).isEqualTo("jira:issue_updated");
        assertThat(edit.issueKey()).isEqualTo(key);
        assertThat(edit.changelogId()).isEqualTo(histories.get(histories.size() - 2));
        assertThat(edit.changelog()).extracting(ChangeItem::field).containsExactlyInAnyOrder("summary", "priority");
        assertThat(edit.changelog()).filteredOn(i -> i.is("summary")).extracting(ChangeItem::toText).containsExactly("changed");
        assertThat(edit.user().displayName()).isEqualTo("Sandbox Admin");
        assertThat(got.get(0).headers().get(JiraConstants.CHANGED_FIELDS)).asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder("summary", "priority");
        JiraEvent move = got.get(1).event();
        assertThat(move.changelogId()).isEqualTo(histories.get(histories.size() - 1));
        assertThat(move.changedFields()).contains("status");
        assertThat(move.issueEventType()).isEqualTo("issue_generic");
        assertThat(move.changelog()).filteredOn(i -> i.is("status")).extracting(ChangeItem::toText).containsExactly("In Progress");
        assertThat(move.timestamp()).isAfter(edit.timestamp());
        assertThat(keys(recorder.events())).as("a creation writes no change history").doesNotContain(other);
    }

    @Test
    void watchedFieldsKeepsOnlyTheChangesThatTouchThem() throws Exception {
        String key = createIssue("watched");
        JiraPollingConsumer consumer = startPolling("jira:updatedIssues?watchedFields=Status, Story Points");
        update(key, Map.of("summary", "not watched"));
        transition(key, "In Progress");
        update(key, Map.of("labels", List.of("x")));
        transition(key, "Done");

        assertThat(consumer.poll()).isEqualTo(2);
        assertThat(recorder.events()).allSatisfy(e -> assertThat(e.changedFields()).contains("status"));
        assertThat(recorder.events()).flatExtracting(JiraEvent::changelog).extracting(ChangeItem::toText)
                .contains("In Progress", "Done");
        assertThat(consumer.poll()).isZero();
    }

    @Test
    void newCommentsEmitsEachNewCommentOnceWithItsIssue() throws Exception {
        String a = createIssue("commented A");
        String b = createIssue("commented B");
        String old = comment(a, "before the start");
        clock.advance(java.time.Duration.ofMinutes(2));
        JiraPollingConsumer consumer = startPolling("jira:newComments");
        String c1 = comment(a, "first words");
        String c2 = comment(b, "on B");
        String c3 = comment(a, "more words");

        assertThat(consumer.poll()).isEqualTo(3);
        assertThat(consumer.poll()).isZero();
        String c4 = comment(b, "later");
        assertThat(consumer.poll()).isEqualTo(1);

        List<JiraEvent> events = recorder.events();
        assertThat(events).extracting(e -> e.comment().id()).containsExactly(c1, c2, c3, c4).doesNotContain(old);
        assertThat(keys(events)).containsExactly(a, b, a, b);
        JiraEvent first = events.get(0);
        assertThat(first.type()).isEqualTo("comment_created");
        assertThat(first.comment().body()).contains("first words");
        assertThat(first.user().displayName()).isEqualTo("Sandbox Admin");
        assertThat(first.timestamp()).isEqualTo(first.comment().created().toInstant());
        assertThat(recorder.deliveries().get(0).headers()).containsEntry(JiraConstants.COMMENT_ID, c1)
                .containsEntry(JiraConstants.EVENT_TYPE, "comment_created").containsEntry(JiraConstants.ISSUE_KEY, a);
    }

    @Test
    void severalChangesInTheSameMinuteInterleavedWithPollsAreEachEmittedOnce() throws Exception {
        String key = createIssue("busy minute");
        clock.advance(java.time.Duration.ofMinutes(1));
        JiraPollingConsumer updates = startPolling("jira:updatedIssues?overlap=0");
        JiraPollingConsumer created = addRoute(context, "jira:newIssues?overlap=0", recorder);
        created.poll();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            clock.advance(java.time.Duration.ofSeconds(9)); // 6-7 changes per minute
            if (i % 3 == 2) {
                String k = sandbox.admin().createIssue("DEMO", "Task", "new " + i);
                expected.add("created " + k);
            } else {
                sandbox.admin().updateIssue(key, Map.of("summary", "edit " + i));
                List<String> h = historyIds(key);
                expected.add("history " + h.get(h.size() - 1));
            }
            updates.poll();
            created.poll();
            if (i % 4 == 0) {
                updates.poll(); // a second poll in the same second finds the same minute again
            }
        }
        List<String> got = recorder.events().stream()
                .map(e -> e.type().equals("jira:issue_created") ? "created " + e.issueKey() : "history " + e.changelogId()).toList();
        assertThat(got).containsExactlyInAnyOrderElementsOf(expected).doesNotHaveDuplicates();
    }

    @Test
    void aFailedExchangeStopsTheBatchAndIsDeliveredAgainByTheNextPoll() throws Exception {
        JiraPollingConsumer consumer = startPolling("jira:newIssues");
        String a = createIssue("one");
        String b = createIssue("two");
        String c = createIssue("three");
        AtomicBoolean failOnce = new AtomicBoolean(true);
        recorder.failWhen(e -> b.equals(e.issueKey()) && failOnce.getAndSet(false));

        assertThat(consumer.poll()).as("the batch stops at the failure").isEqualTo(1);
        assertThat(keys(recorder.events())).containsExactly(a);
        assertThat(keys(recorder.failures())).containsExactly(b);

        assertThat(consumer.poll()).isEqualTo(2);
        assertThat(consumer.poll()).isZero();
        assertThat(keys(recorder.events())).as("the failed one again, then the rest; nothing that succeeded repeats")
                .containsExactly(a, b, c);
    }

    @Test
    void aRouteThatKeepsFailingGetsTheSameEventOnEveryPollUntilItSucceeds() throws Exception {
        JiraPollingConsumer consumer = startPolling("jira:newComments");
        String key = createIssue("stubborn");
        String first = comment(key, "fails three times");
        String second = comment(key, "after it");
        int[] failures = {3};
        recorder.failWhen(e -> first.equals(e.comment().id()) && failures[0]-- > 0);
        for (int i = 0; i < 3; i++) {
            assertThat(consumer.poll()).isZero();
        }
        assertThat(consumer.poll()).isEqualTo(2);
        assertThat(recorder.events()).extracting(e -> e.comment().id()).containsExactly(first, second);
        assertThat(recorder.failures()).hasSize(3);
    }

    @Test
    void maxMessagesPerPollSpreadsABacklogOverPollsWithoutLossOrRepeat() throws Exception {
        JiraPollingConsumer consumer = startPolling("jira:newIssues?maxMessagesPerPoll=2");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(createIssue("backlog " + i));
        }
        assertThat(consumer.poll()).isEqualTo(2);
        assertThat(consumer.poll()).isEqualTo(2);
        assertThat(consumer.poll()).isEqualTo(1);
        assertThat(consumer.poll()).isZero();
        assertThat(keys(recorder.events())).containsExactlyElementsOf(created);
        assertThat(recorder.deliveries()).extracting(PollingRecorder.Delivery::batchSize).containsExactly(2, 2, 2, 2, 1);
    }

    @Test
    void onePollSendsOneSearchRequestPerPageAndNoPerIssueRequests() throws Exception {
        JiraPollingConsumer updates = startPolling("jira:updatedIssues?maxResults=3");
        JiraPollingConsumer comments = addRoute(context, "jira:newComments?maxResults=3", recorder);
        comments.poll();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            keys.add(createIssue("economy " + i));
        }
        for (String k : keys) {
            update(k, Map.of("summary", "economy changed " + k));
            comment(k, "economy comment");
        }
        sandbox.admin().clearRequests();

        assertThat(updates.poll()).isEqualTo(7);
        assertThat(requests()).as("7 issues in pages of 3, changelog inline").containsExactly(
                "POST " + searchPath(), "POST " + searchPath(), "POST " + searchPath());
        sandbox.admin().clearRequests();
        assertThat(comments.poll()).isEqualTo(7);
        assertThat(requests()).as("comments inline").containsExactly(
                "POST " + searchPath(), "POST " + searchPath(), "POST " + searchPath());
        sandbox.admin().clearRequests();
        assertThat(updates.poll()).isZero();
        assertThat(requests()).as("a poll that finds nothing new costs the pages of its window, nothing more")
                .allMatch(r -> r.equals("POST " + searchPath()));
    }

    @Test
    void includeCommentsGivesUpdatedIssuesAndNewCommentsEventsFromOneSearchPerPage() throws Exception {
        JiraPollingConsumer both = startPolling("jira:updatedIssues?maxResults=3&includeComments=true&watchedFields=summary");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            keys.add(createIssue("both " + i));
        }
        List<String> comments = new ArrayList<>();
        for (String k : keys) {
            update(k, Map.of("summary", "both changed " + k));
            comments.add(comment(k, "both comment"));
        }
        update(keys.get(0), Map.of("labels", List.of("not-watched")));
        sandbox.admin().clearRequests();

        assertThat(both.poll()).isEqualTo(8);
        assertThat(requests()).as("4 issues in pages of 3, changelog and comments inline").containsExactly(
                "POST " + searchPath(), "POST " + searchPath());
        List<JiraEvent> events = recorder.events();
        assertThat(events).filteredOn(e -> e.type().equals("comment_created")).extracting(e -> e.comment().id())
                .containsExactlyInAnyOrderElementsOf(comments);
        assertThat(events).filteredOn(e -> e.type().equals("jira:issue_updated"))
                .as("watchedFields still filters the changes, not the comments")
                .allSatisfy(e -> assertThat(e.changedFields()).containsExactly("summary")).hasSize(4);
        assertThat(events).extracting(JiraEvent::timestamp).isSorted();
        assertThat(both.poll()).as("each once").isZero();
        String later = comment(keys.get(2), "later");
        assertThat(both.poll()).isEqualTo(1);
        assertThat(recorder.events().get(8).comment().id()).isEqualTo(later);
    }

    @Test
    void includeCommentsOnAnotherConsumerIsRefusedByName() {
        assertThatThrownBy(() -> startPolling("jira:newIssues?includeComments=true"))
                .hasStackTraceContaining("includeComments is an updatedIssues option");
    }

    @Test
    void commentsBeyondWhatTheSearchReturnsAreReadForThatIssueOnly() throws Exception {
        String busy = createIssue("many comments");
        String quiet = createIssue("one comment");
        for (int i = 0; i < 24; i++) {
            comment(busy, "old " + i);
        }
        clock.advance(java.time.Duration.ofMinutes(5));
        JiraPollingConsumer consumer = startPolling("jira:newComments?overlap=0");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            expected.add(comment(busy, "new " + i));
        }
        expected.add(comment(quiet, "quiet one"));
        sandbox.admin().clearRequests();

        assertThat(consumer.poll()).isEqualTo(4);
        assertThat(recorder.events()).extracting(e -> e.comment().id()).containsExactlyInAnyOrderElementsOf(expected);
        String commentPath = (isCloud() ? "/rest/api/3" : "/rest/api/2") + "/issue/" + idOf(busy) + "/comment";
        assertThat(requests()).as("the search, then the comments of the one issue with more than the search returns")
                .containsExactly("POST " + searchPath(), "GET " + commentPath);
    }

    @Test
    void changesBeyondTheChangelogTheSearchReturnsAreReadForThatIssueOnly() throws Exception {
        String busy = createIssue("many changes");
        JiraPollingConsumer consumer = startPolling("jira:updatedIssues");
        for (int i = 0; i < 26; i++) {
            update(busy, Map.of("summary", "change " + i));
        }
        sandbox.admin().clearRequests();

        assertThat(consumer.poll()).isEqualTo(26);
        assertThat(recorder.events()).extracting(JiraEvent::changelogId).containsExactlyElementsOf(historyIds(busy).subList(0, 26));
        String extra = isCloud() ? "GET /rest/api/3/issue/" + idOf(busy) + "/changelog" : "GET /rest/api/2/issue/" + idOf(busy);
        assertThat(requests()).containsExactly("POST " + searchPath(), extra);
        assertThat(consumer.poll()).isZero();
    }

    @Test
    void sinceAsADurationPicksUpTheRecentPast() throws Exception {
        createIssue("two hours ago");
        clock.advance(java.time.Duration.ofMinutes(90));
        String recent = createIssue("thirty minutes ago");
        clock.advance(java.time.Duration.ofMinutes(30));
        JiraPollingConsumer consumer = startPolling("jira:newIssues?since=-1h");
        assertThat(keys(recorder.events())).containsExactly(recent);
        assertThat(consumer.poll()).isZero();
    }

    @Test
    void sinceAsALocalTimestampIsReadInTheJiraUsersTimeZone() throws Exception {
        createIssue("before");
        clock.advance(java.time.Duration.ofMinutes(10));
        java.time.Instant from = clock.instant();
        String after = createIssue("after");
        clock.advance(java.time.Duration.ofMinutes(10));
        String local = from.atZone(USER_ZONE).toLocalDateTime().withNano(0).toString();
        JiraPollingConsumer consumer = startPolling("jira:newIssues?since=" + local);
        assertThat(keys(recorder.events())).containsExactly(after);
        assertThat(consumer.poll()).isZero();
    }

    @Test
    void theUsersJqlIsParenthesisedAndItsOrderByIgnored() throws Exception {
        createIssue("red before the start", Map.of("labels", List.of("red")));
        clock.advance(java.time.Duration.ofMinutes(3));
        JiraPollingConsumer consumer = startPolling("jira:newIssues?overlap=0&jql=RAW(labels = red OR labels = blue ORDER BY priority DESC)");
        String blue = createIssue("blue", Map.of("labels", List.of("blue")));
        createIssue("green", Map.of("labels", List.of("green")));
        String red = createIssue("red", Map.of("labels", List.of("red")));
        assertThat(consumer.poll()).isEqualTo(2);
        assertThat(keys(recorder.events())).containsExactly(blue, red);
    }

    @Test
    void badOptionsFailTheRouteStartWithAMessageNamingTheOption() {
        assertThat(startFailure("jira:newIssues?since=yesterday")).isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining("since 'yesterday' is not valid").hasMessageContaining("-1h");
        assertThat(startFailure("jira:updatedIssues?maxResults=0")).isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining("maxResults").hasMessageContaining("at least 1");
        assertThat(startFailure("jira:newComments?stateKey=a=b")).isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining("stateKey 'a=b'");
        assertThat(startFailure("jira:newComments?maxMessagesPerPoll=-1")).isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining("maxMessagesPerPoll");
        assertThat(requests()).as("nothing was sent to Jira").isEmpty();
    }

    /** The innermost cause of the failure to start a route from {@code uri}. */
    private Throwable startFailure(String uri) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> addRoute(context, uri, recorder));
        assertThat(t).as("starting " + uri).isNotNull();
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
