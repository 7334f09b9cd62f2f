package dev.cameljira.routes.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.cameljira.jira.client.JiraBadRequestException;
import dev.cameljira.jira.model.CreateIssueRequest;
import dev.cameljira.jira.model.JiraComment;
import dev.cameljira.jira.model.JiraIssue;
import dev.cameljira.jira.model.JiraUser;
import dev.cameljira.routes.SyncMonitor;
import dev.cameljira.routes.SyncSettings;
import dev.cameljira.routes.SyncSystem;
import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one Jira project and one Zendesk account / ServiceNow instance in step, one linked pair at a time.
 *
 * <p>Every event, whatever it came through, makes the engine look at the pair as it is now, under a lock per pair (and,
 * with several replicas, a claim on it in a shared repository: {@link PairClaims}):
 * <ul>
 *   <li>A ticket / incident without a Jira key that qualifies (selector, created after the sync's start) gets an issue,
 *   unless an issue carrying its link label exists already (a crash between creating the issue and writing the key),
 *   which is then linked instead. The key goes to the record (external_id / correlation_id), the link and the shadow
 *   of the synced fields to an issue property, and a remote link shows the record in Jira.</li>
 *   <li>For a linked pair, each synced field (summary, status, priority, assignee) is compared with its shadow: the
 *   side that differs changed it, and the other side gets the mapped value. When both changed, the later change wins
 *   (Jira's changelog time of that field against the record's update time). The shadow then holds the agreed values,
 *   so the event the write causes finds nothing to do: nothing is echoed, nothing ping-pongs.</li>
 *   <li>Comments are copied with the author's name and a marker; a comment with a marker is never copied, and one whose
 *   copy exists is not copied again.</li>
 * </ul>
 */
public final class SyncEngine {
    private static final Logger LOG = LoggerFactory.getLogger("dev.cameljira.routes.sync");
    private static final Pattern JIRA_KEY = Pattern.compile("[A-Z][A-Z0-9_]+-\\d+");

    /** Jira fields whose changes matter to the sync (ids and names as changelogs and webhooks spell them). */
    private static final Set<String> SYNCED_JIRA_FIELDS = Set.of("summary", "status", "priority", "assignee",
            "attachment");
    /** Fields of the other side whose changes matter (Zendesk event fields, ServiceNow columns). */
    private static final Set<String> SYNCED_OTHER_FIELDS = Set.of("subject", "status", "priority", "assignee_id",
            "short_description", "state", "impact", "urgency", "assigned_to", "comments", "work_notes", "comment",
            "attachment");

    /** What a reconciliation looks at. */
    public enum Scope {
        FIELDS, COMMENTS, ALL;

        boolean fields() {
            return this != COMMENTS;
        }

        boolean comments() {
            return this != FIELDS;
        }
    }

    private final String syncId;
    private final SyncSettings settings;
    private final JiraSide jira;
    private final OtherSide other;
    private final SyncMonitor monitor;
    private final Clock clock;
    private final Instant newSince;
    private final KeyedLocks locks = new KeyedLocks();
    private final PairClaims claims;
    private final EchoGuard echo;
    private final PairCache known = new PairCache();
    /** What new issues of a type start with, per issue type, as the last creation read back from Jira showed. */
    private final Map<String, NewIssueDefaults> defaults = new java.util.concurrent.ConcurrentHashMap<>();
    /** How long learnt defaults are trusted: a create reads the issue back again once they are older. */
    static final java.time.Duration DEFAULTS_TTL = java.time.Duration.ofMinutes(1);

    /**
     * What Jira gave a new issue of a type that the create request did not set: its workflow's first status, the
     * scheme's default priority, the default assignee (identity; null: unassigned). A {@code known} flag is false
     * when the read-back did not show it (the request set the field).
     */
    private record NewIssueDefaults(String status, String priority, boolean priorityKnown, String assignee,
                                    boolean assigneeKnown, Instant learnt) {
    }
    /** Records and issues reported as deleted: their later events are dropped without a second report. */
    private final Set<String> gone = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /**
     * One replica at a time (no claim repository, no leader election): then only this engine can have tried to create
     * the issue of a record created after {@link #freshSince}, and it remembers which it tried ({@link #attempted}).
     */
    private final boolean oneReplica;
    /** Records created after this (the engine's start plus {@link #CLOCK_SKEW}) are new to this engine. */
    private Instant freshSince;
    /** Records created after {@link #freshSince} whose issue this engine has started to create. */
    private final Set<String> attempted = new HashSet<>();
    /** Remote links added behind the creations (one replica), or null: added inline. */
    private volatile RemoteLinks remoteLinks;
    private final java.util.concurrent.atomic.AtomicInteger creating = new java.util.concurrent.atomic.AtomicInteger();
    private volatile long lastCreation = System.nanoTime() - RemoteLinks.YIELD_NANOS;
    /** How far ahead of ours the other side's clock may be (records carry its time, truncated to the second). */
    public static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofSeconds(1);
    /** Beyond this, {@link #attempted} is emptied and {@link #freshSince} moved to now. */
    static final int MAX_ATTEMPTED = 100_000;

    /**
     * @param syncId   the sync's route id (logs, status)
     * @param newSince records created before this are never "new" (the sync's first start, or {@code since})
     * @param claims   shared by the replicas to claim a pair while one of them syncs it; null with one replica
     */
    public SyncEngine(String syncId, SyncSettings settings, JiraSide jira, OtherSide other, SyncMonitor monitor,
                      Clock clock, Instant newSince, IdempotentRepository claims) {
        this.syncId = syncId;
        this.settings = settings;
        this.jira = jira;
        this.other = other;
        this.monitor = monitor;
        this.clock = clock;
        this.newSince = newSince;
        this.echo = new EchoGuard(clock);
        this.claims = new PairClaims(claims, other.system().key());
        this.oneReplica = claims == null && !settings.leaderElection();
        this.freshSince = clock.instant().plus(CLOCK_SKEW);
    }

    private SyncSystem system() {
        return other.system();
    }

    /** The entity property the link is stored in. */
    public static String propertyKey(SyncSystem system) {
        return "jira-sync." + system.key();
    }

    /** Whether {@code text} is a Jira issue key. */
    public static boolean isJiraKey(String text) {
        return text != null && JIRA_KEY.matcher(text.trim()).matches();
    }

    // ------------------------------------------------------------------------------------------ events

    /** Handles one event; throws what the route's error handling sorts (see {@link Failures}). */
    public void handle(SyncEvent event) {
        if (event.origin() == SyncEvent.Origin.JIRA) {
            onJira(event);
        } else {
            onOther(event);
        }
    }

    private void onJira(SyncEvent e) {
        if (!settings.direction().fromJira() && e.kind() != SyncEvent.Kind.DELETED) {
            return;
        }
        if (e.kind() == SyncEvent.Kind.CREATED || settings.ignores(e.user())) {
            return;
        }
        if (e.kind() == SyncEvent.Kind.COMMENTED && (settings.syncComments() == SyncSettings.CommentScope.NONE
                || Markers.isSynced(e.commentBody()))) {
            return;
        }
        if (e.kind() == SyncEvent.Kind.UPDATED && !e.changes().isEmpty()) {
            List<SyncEvent.FieldChange> relevant = e.changes().stream()
                    .filter(c -> SYNCED_JIRA_FIELDS.contains(c.field().toLowerCase(Locale.ROOT))).toList();
            if (relevant.isEmpty() || echo.isJiraEcho(e.id(), relevant)) {
                return;
            }
        }
        String otherId = linkedOtherId(e.labels());
        JiraIssue issue = null;
        if (otherId == null && e.labels() == null) {
            // the event did not carry the labels (a comment event): read the issue to know whether it is linked
            issue = jira.read(e.id()).orElse(null);
            otherId = issue == null ? null : linkedOtherId(issue.labels());
        }
        if (otherId == null || gone.contains("other:" + otherId) || gone.contains("jira:" + e.id())) {
            return;
        }
        String link = "Jira " + e.id() + " <-> " + other.describe(otherId);
        if (e.kind() == SyncEvent.Kind.DELETED) {
            gone.add("jira:" + e.id());
            throw new SyncRejectedException("Jira " + e.id() + " was deleted; " + other.describe(otherId)
                    + " keeps its link and is no longer synced", link);
        }
        Scope scope = e.kind() == SyncEvent.Kind.COMMENTED ? Scope.COMMENTS
                : e.kind() == SyncEvent.Kind.UPDATED && !e.changes().isEmpty() ? Scope.FIELDS : Scope.ALL;
        String key = e.id();
        String id = otherId;
        JiraIssue issueRead = issue;
        locks.run(id, () -> claims.run(id, other.describe(id), link,
                () -> reconcile(key, issueRead, id, null, null, scope, link)));
    }

    private void onOther(SyncEvent e) {
        if (settings.ignores(e.user())) {
            return;
        }
        if (e.kind() == SyncEvent.Kind.UPDATED && !e.changes().isEmpty() && e.changes().stream()
                .noneMatch(c -> SYNCED_OTHER_FIELDS.contains(c.field().toLowerCase(Locale.ROOT)))) {
            return;
        }
        if (e.kind() == SyncEvent.Kind.COMMENTED && (settings.syncComments() == SyncSettings.CommentScope.NONE
                || Markers.isSynced(e.commentBody()))) {
            return;
        }
        String what = other.describe(e.id());
        locks.run(e.id(), () -> claims.run(e.id(), what, what, () -> onOtherLocked(e)));
    }

    private void onOtherLocked(SyncEvent e) {
        if (gone.contains("other:" + e.id())) {
            return;
        }
        Optional<OtherRecord> found = other.read(e.id());
        if (found.isEmpty()) {
            if (e.kind() == SyncEvent.Kind.CREATED) {
                return;
            }
            gone.add("other:" + e.id());
            String key = jira.findByLabel(settings.linkLabel(e.id())).orElse(null);
            if (key == null) {
                return;
            }
            unlink(key, e.id());
            throw new SyncRejectedException(other.describe(e.id()) + " was deleted; Jira " + key
                    + " keeps its history and is no longer synced (label " + settings.linkLabel(e.id()) + " removed)",
                    "Jira " + key + " <-> " + other.describe(e.id()));
        }
        OtherRecord rec = found.get();
        String key = isJiraKey(rec.linkedKey()) ? rec.linkedKey().trim() : null;
        if (key != null && gone.contains("jira:" + key)) {
            return;
        }
        if (e.kind() == SyncEvent.Kind.DELETED) {
            gone.add("other:" + e.id());
            if (key != null) {
                unlink(key, e.id());
            }
            throw new SyncRejectedException(other.describe(rec) + " was deleted"
                    + (key != null ? "; Jira " + key + " is no longer synced" : ""), linkText(key, rec));
        }
        if (key == null) {
            if (rec.linkedKey() != null) {
                // another integration owns external_id / correlation_id: never overwrite it
                monitor.unmapped(syncId, "linkedKey", other.describe(rec) + " holds '" + rec.linkedKey()
                        + "', which is not a Jira key; not synced", null);
                return;
            }
            if (settings.direction().toJira() && qualifiesForNewIssue(rec, e)) {
                createIssue(rec, e);
            }
            return;
        }
        Scope scope = e.kind() == SyncEvent.Kind.COMMENTED ? Scope.COMMENTS
                : e.kind() == SyncEvent.Kind.UPDATED && !e.changes().isEmpty() && e.changes().stream()
                .noneMatch(c -> c.field().startsWith("comment")) ? Scope.FIELDS : Scope.ALL;
        List<OtherComment> comments = null;
        if (!settings.syncAttachments()) {
            // nothing changed on this side since the sync last agreed (the echo of its own write, the same change
            // reported by a webhook and a poll): Jira need not be read
            comments = settings.syncComments() == SyncSettings.CommentScope.NONE ? List.of() : other.comments(rec);
            if (known.unchanged(key, rec, comments, settings.matchUsers())) {
                return;
            }
        }
        reconcile(key, null, rec.id(), rec, comments, scope, linkText(key, rec));
    }

    private boolean qualifiesForNewIssue(OtherRecord rec, SyncEvent e) {
        if (rec.readOnly()) {
            return false;
        }
        if (settings.system() == SyncSystem.ZENDESK && settings.zendeskSelector().selectsEveryNewTicket()
                || settings.system() == SyncSystem.SERVICENOW && settings.selector() == null) {
            // "every new one": created since the sync started
            return rec.createdAt() != null && !rec.createdAt().isBefore(newSince);
        }
        // with a selector, any record that matches now, once the sync runs (e.g. a ticket tagged jira later)
        Instant changed = rec.updatedAt() != null ? rec.updatedAt() : rec.createdAt();
        return changed != null && !changed.isBefore(newSince) && other.qualifies(rec);
    }

    // ------------------------------------------------------------------------------------------ creating issues

    private void createIssue(OtherRecord rec, SyncEvent e) {
        creating.incrementAndGet();
        try {
            createIssueNow(rec, e);
        } finally {
            lastCreation = System.nanoTime();
            creating.decrementAndGet();
        }
    }

    /** Whether issues are being created, or were within the last second: deferred remote links wait. */
    private boolean creating() {
        return creating.get() > 0 || System.nanoTime() - lastCreation < RemoteLinks.YIELD_NANOS;
    }

    /**
     * With one replica, remote links of new issues are added behind the creations ({@link RemoteLinks}), the ids of
     * the records waiting for theirs kept in {@code state}; with several, each is added before the key is written.
     */
    public void deferRemoteLinks(org.apache.camel.spi.StateRepository<String, String> state) {
        if (oneReplica && remoteLinks == null) {
            remoteLinks = new RemoteLinks(syncId, state, this::resolveRemoteLink,
                    p -> {
                        jira.remoteLink(p.key(), p.url(), p.title(), p.globalId(), null);
                        monitor.count("remoteLinks.added");
                    }, this::creating);
        }
    }

    /** Starts the engine's background work (deferred remote links), again after a stop. */
    public void start() {
        if (remoteLinks != null) {
            remoteLinks.start();
        }
    }

    /** Stops the background work; what waits stays in the state. */
    public void stop() {
        if (remoteLinks != null) {
            remoteLinks.stop();
        }
    }

    /** A remote link read back from the state after a restart: its record's key, url and title, or null to drop. */
    private RemoteLinks.Pending resolveRemoteLink(RemoteLinks.Pending p) {
        OtherRecord rec = other.read(p.recordId()).orElse(null);
        if (rec == null || !isJiraKey(rec.linkedKey())) {
            // gone, or its key was never written: the next attempt creates or adopts the issue, with its link
            return null;
        }
        return new RemoteLinks.Pending(rec.id(), rec.linkedKey().trim(), rec.url(),
                other.describe(rec) + ": " + rec.summary(), globalId(rec), p.since());
    }

    private void createIssueNow(OtherRecord rec, SyncEvent e) {
        String label = settings.linkLabel(rec.number());
        String what = other.describe(rec);
        // an earlier attempt may have stopped between creating the issue and writing its key to the record (a crash,
        // a lost answer): the issue carries the record's label and is linked instead of created twice. When no earlier
        // attempt can exist, the search (one Jira request per new record) is skipped.
        Optional<String> existing = earlierAttemptPossible(rec) ? jira.findByLabel(label) : Optional.empty();
        String key;
        JiraIssue issue;
        LinkRecord planned = null;
        boolean readBack = true;
        boolean adopted = existing.isPresent();
        if (adopted) {
            key = existing.get();
            issue = jira.read(key).orElseThrow(() -> new SyncRejectedException("Jira " + existing.get()
                    + " carrying label " + label + " vanished while linking " + what, what));
        } else {
            // the link goes into the create request: the shadow holds what is sent, and what Jira gives a new issue of
            // the type by itself (learnt from a creation read back in the last DEFAULTS_TTL). With those known the
            // create is one request (readBack=false) and the values Jira was not asked for are marked as guessed in the
            // shadow, which the first reconciliation checks against the issue's history (reconcileFields); unknown,
            // the issue is read back and a wrong plan costs one property write below
            CreateIssueRequest req = newIssueRequest(rec, label);
            String type = req.issueType();
            NewIssueDefaults known = defaults.get(type);
            boolean guess = known != null && known.status() != null
                    && known.learnt().plus(DEFAULTS_TTL).isAfter(clock.instant())
                    && (req.priority() != null || known.priorityKnown())
                    && (req.assignee() != null || known.assigneeKnown());
            planned = new LinkRecord(system().key(), rec.id(), rec.number(), rec.url(), clock.instant());
            for (String f : LinkRecord.FIELDS) {
                planned.agree(f, null, otherValue(rec, f));
            }
            planned.agree(LinkRecord.SUMMARY, req.summary(), rec.summary());
            String status = known == null ? null : known.status();
            String priority = req.priority() != null ? req.priority() : known == null ? null : known.priority();
            String assignee = req.assignee() != null ? plannedAssignee(rec) : known == null ? null : known.assignee();
            if (guess) {
                planned.guess(LinkRecord.STATUS, status, rec.status());
            } else {
                planned.agree(LinkRecord.STATUS, status, rec.status());
            }
            if (guess && req.priority() == null) {
                planned.guess(LinkRecord.PRIORITY, priority, rec.priority());
            } else {
                planned.agree(LinkRecord.PRIORITY, priority, rec.priority());
            }
            if (guess && req.assignee() == null) {
                planned.guess(LinkRecord.ASSIGNEE, assignee, otherValue(rec, LinkRecord.ASSIGNEE));
            } else {
                planned.agree(LinkRecord.ASSIGNEE, assignee, otherValue(rec, LinkRecord.ASSIGNEE));
            }
            CreateIssueRequest sent = req.withProperty(SyncEngine.propertyKey(system()), planned.toJson());
            JiraIssue created = createLeniently(sent, what, !guess);
            key = created.key();
            echo.jiraCreated(key);
            readBack = !guess || created.status() != null;
            if (readBack) {
                issue = created;
                learn(type, req, issue);
            } else {
                // Jira's answer holds the key and the fields sent: the status is the one new issues start in
                issue = withStatus(created, status);
                monitor.count("create.withoutReadBack");
            }
        }
        // the issue starts in its workflow's first status: move it where the record's status maps to
        String wanted = mapToJira(settings.statusMap(), rec.status());
        if (!adopted && wanted != null && !wanted.equalsIgnoreCase(issue.status())) {
            try {
                issue = jira.transition(key, wanted);
                readBack = true;
            } catch (RuntimeException ex) {
                if (Failures.classify(ex) != Failures.Kind.REJECTED) {
                    throw ex;
                }
                LOG.warn("{}: new issue {} stays in {}: {}", syncId, key, issue.status(), Failures.reason(ex));
            }
        }
        LinkRecord link = adopted ? jira.readLink(key, system().key()).orElse(null) : planned;
        boolean write = link == null;
        if (link == null) {
            link = new LinkRecord(system().key(), rec.id(), rec.number(), rec.url(), clock.instant());
        }
        // without a read-back (nor a transition, which reads the issue back) the plan stands: nothing to compare
        for (String f : readBack ? LinkRecord.FIELDS : List.<String>of()) {
            String j = jiraValue(issue, f);
            if (write || !same(j, link.jira(f)) || !same(otherValue(rec, f), link.other(f))) {
                link.agree(f, j, otherValue(rec, f));
                write = true;
            }
        }
        if (write) {
            jira.writeLink(key, link);
        }
        RemoteLinks.Pending remote = new RemoteLinks.Pending(rec.id(), key, rec.url(), what + ": " + rec.summary(),
                globalId(rec), System.nanoTime());
        if (remoteLinks != null && remoteLinks.offer(remote)) {
            // added behind the creations (stored in the state first, so a crash does not lose it)
            monitor.count("remoteLinks.deferred");
        } else {
            try {
                jira.remoteLink(key, remote.url(), remote.title(), remote.globalId(), null);
            } catch (RuntimeException ex) {
                if (Failures.classify(ex) != Failures.Kind.REJECTED) {
                    throw ex;
                }
                // a Jira without remote links (or without permission) still gets the label, the property and the key
                LOG.warn("{}: no remote link on {}: {}", syncId, key, Failures.reason(ex));
            }
        }
        OtherRecord linked = other.link(rec, key);
        String line = what + " -> Jira " + key + (adopted ? " linked" : " created");
        LOG.info(line);
        monitor.linked(syncId, key, what, rec.url());
        monitor.synced(syncId, "to-jira", adopted ? "linked" : "created", line);
        known.fields(linked.number(), key, link);
        if (settings.syncComments() != SyncSettings.CommentScope.NONE) {
            // replies written before the issue existed (a poll, a ticket tagged later, a crash): copy them too
            List<OtherComment> replies = other.comments(linked);
            if (replies.isEmpty() && !adopted) {
                known.comments(linked.number(), key, replies);
            } else {
                reconcileComments(key, linked, replies, linkText(key, linked));
            }
        } else {
            known.comments(linked.number(), key, List.of());
        }
    }

    /**
     * Whether an earlier attempt may have created the record's issue without writing its key to the record, so that
     * the label search must run before creating. It may, unless all of these hold: one replica at a time (another
     * replica could be trying right now, or have died trying); the record was created after this engine started (a
     * previous process, or this route before a restart, saw only older records: {@link #CLOCK_SKEW} covers the other
     * side's clock running ahead); and this engine has not tried it before (a failed try is retried, by Camel or by
     * the next poll, and its create may have reached Jira). Marks the record as tried.
     */
    private synchronized boolean earlierAttemptPossible(OtherRecord rec) {
        if (!oneReplica || rec.createdAt() == null || !rec.createdAt().isAfter(freshSince)) {
            monitor.count("create.searched");
            return true;
        }
        if (attempted.size() >= MAX_ATTEMPTED) {
            // forget the tries, and with them every record created until now: those are searched again
            attempted.clear();
            freshSince = clock.instant().plus(CLOCK_SKEW);
            monitor.count("create.searched");
            return true;
        }
        if (!attempted.add(rec.id())) {
            monitor.count("create.searched");
            return true;
        }
        monitor.count("create.searchSkipped");
        return false;
    }

    /**
     * Creates the issue; when Jira refuses only optional values (a priority the scheme lacks, a reporter or assignee it
     * will not take, a type the project has not), creates it without them (the type: jiraIssueType) and reports it.
     */
    private JiraIssue createLeniently(CreateIssueRequest req, String what, boolean readBack) {
        try {
            return jira.create(req, readBack);
        } catch (JiraBadRequestException e) {
            Map<String, String> errors = e.getFieldErrors();
            Set<String> optional = Set.of("priority", "reporter", "assignee", "labels", "issuetype");
            if (errors.isEmpty() || !optional.containsAll(errors.keySet())
                    || errors.containsKey("issuetype") && req.issueType().equalsIgnoreCase(settings.jiraIssueType())) {
                throw e;
            }
            Map<String, Object> fields = req.fields() == null ? null : new LinkedHashMap<>(req.fields());
            if (fields != null) {
                fields.remove("reporter");
            }
            List<String> labels = req.labels();
            if (errors.containsKey("labels")) {
                labels = List.of(settings.linkLabel(req.labels().get(req.labels().size() - 1).substring(
                        settings.linkLabelPrefix().length())));
            }
            CreateIssueRequest lenient = new CreateIssueRequest(req.projectKey(),
                    errors.containsKey("issuetype") ? settings.jiraIssueType() : req.issueType(), req.summary(),
                    req.description(), errors.containsKey("assignee") ? null : req.assignee(),
                    errors.containsKey("priority") ? null : req.priority(), labels, req.components(), req.parentKey(),
                    fields == null || fields.isEmpty() ? null : fields);
            LOG.warn("{}: Jira refused {} of the issue for {} ({}); created it without", syncId, errors.keySet(), what,
                    String.join("; ", errors.values()));
            errors.forEach((field, message) -> monitor.unmapped(syncId, "refused",
                    "Jira refused the " + field + " of the issue for " + what + " (" + message + "); created without it",
                    null));
            // not what was planned: read the issue back, so the link is compared with what Jira holds
            return jira.create(lenient, true);
        }
    }

    /** Remembers what Jira gave the new issue of type {@code type} that {@code req} did not ask for. */
    private void learn(String type, CreateIssueRequest req, JiraIssue issue) {
        if (issue.status() == null) {
            return;
        }
        NewIssueDefaults before = defaults.get(type);
        boolean priorityKnown = req.priority() == null || before != null && before.priorityKnown();
        String priority = req.priority() == null ? issue.priority() : before == null ? null : before.priority();
        boolean assigneeKnown = req.assignee() == null || before != null && before.assigneeKnown();
        String assignee = req.assignee() == null ? jiraValue(issue, LinkRecord.ASSIGNEE)
                : before == null ? null : before.assignee();
        defaults.put(type, new NewIssueDefaults(issue.status(), priority, priorityKnown, assignee, assigneeKnown,
                clock.instant()));
    }

    /** Forgets what new issues start with (a guess was wrong): the next creation of each type reads back again. */
    private void forgetDefaults() {
        defaults.clear();
    }

    /** The issue as Jira answered its creation without a read-back, with the status it starts in. */
    private static JiraIssue withStatus(JiraIssue created, String status) {
        com.fasterxml.jackson.databind.node.ObjectNode raw = created.raw().deepCopy();
        com.fasterxml.jackson.databind.node.ObjectNode fields = raw.with("fields");
        fields.putObject("status").put("name", status);
        return JiraIssue.from(raw);
    }

    /** The identity of the Jira assignee a new issue gets for the record (cached look-ups), or null. */
    private String plannedAssignee(OtherRecord rec) {
        if (!settings.matchUsers()) {
            return null;
        }
        return jiraUserFor(rec.assignee()).map(SyncEngine::identity).orElse(null);
    }

    private CreateIssueRequest newIssueRequest(OtherRecord rec, String label) {
        String type = settings.typeMap().toJira(FieldMap.lower(rec.type())).orElse(settings.jiraIssueType());
        if (rec.type() != null && !settings.typeMap().mapsOther(FieldMap.lower(rec.type()))) {
            monitor.unmapped(syncId, "typeMap", rec.type(), type);
        }
        String priority = rec.priority() == null ? null : mapToJira(settings.priorityMap(), rec.priority());
        List<String> labels = new ArrayList<>();
        for (String tag : rec.tags()) {
            String l = tag.trim().replaceAll("\\s+", "_");
            if (!l.isEmpty() && l.length() <= 255 && !labels.contains(l)) {
                labels.add(l);
            }
        }
        labels.add(label);
        String assignee = null;
        Map<String, Object> fields = new LinkedHashMap<>();
        if (settings.matchUsers()) {
            assignee = jiraUserFor(rec.assignee()).map(JiraUser::id).orElse(null);
            Optional<JiraUser> reporter = rec.requester() == null ? Optional.empty()
                    : jira.userByEmail(rec.requester().email());
            // an accountId (Cloud) or user name (Data Center): the component writes the reference its Jira expects
            reporter.ifPresent(u -> fields.put("reporter", u.id()));
        }
        String description = (rec.description() == null ? "" : rec.description().strip()) + "\n\n---\n"
                + other.system().displayName() + " " + other.system().recordName() + " ["
                + other.describe(rec) + "](" + rec.url() + ")"
                + (rec.requester() != null ? ", requested by " + rec.requester().label() : "");
        String summary = summaryOf(rec.summary(), rec.number());
        return new CreateIssueRequest(settings.jiraProject(), type, summary, description, assignee, priority, labels,
                null, null, fields.isEmpty() ? null : fields);
    }

    private static String summaryOf(String text, String fallback) {
        String s = text == null ? "" : text.replaceAll("[\\r\\n]+", " ").strip();
        if (s.isEmpty()) {
            s = "(no subject) " + fallback;
        }
        return s.length() > 255 ? s.substring(0, 254) + "…" : s;
    }

    private String globalId(OtherRecord rec) {
        return system().key() + ":" + system().recordName() + ":" + rec.id();
    }

    // ------------------------------------------------------------------------------------------ reconciling a pair

    private void reconcile(String key, JiraIssue knownIssue, String otherId, OtherRecord knownRecord,
                           List<OtherComment> knownComments, Scope scope, String link) {
        JiraIssue issue = knownIssue != null ? knownIssue : jira.read(key).orElse(null);
        OtherRecord rec = knownRecord != null ? knownRecord : other.read(otherId).orElse(null);
        if (issue == null) {
            gone.add("jira:" + key);
            throw new SyncRejectedException("Jira " + key + " no longer exists (deleted?); " + (rec != null
                    ? other.describe(rec) : other.describe(otherId)) + " is no longer synced", link);
        }
        if (rec == null) {
            gone.add("other:" + otherId);
            unlink(key, otherId);
            throw new SyncRejectedException(other.describe(otherId) + " no longer exists (deleted?); Jira " + key
                    + " is no longer synced (label " + settings.linkLabel(otherId) + " removed)", link);
        }
        if (rec.linkedKey() != null && isJiraKey(rec.linkedKey()) && !rec.linkedKey().trim().equals(key)) {
            throw new SyncRejectedException(other.describe(rec) + " is linked to Jira " + rec.linkedKey()
                    + ", not " + key + " (label " + settings.linkLabel(rec.number()) + "); fix one of them", link);
        }
        List<String> problems = new ArrayList<>();
        if (scope.fields()) {
            reconcileFields(key, issue, rec, link, problems);
        }
        if (scope.comments()) {
            reconcileComments(key, rec, knownComments, link);
        }
        if (settings.syncAttachments()) {
            reconcileAttachments(key, issue, rec, problems);
        }
        if (!problems.isEmpty()) {
            throw new SyncRejectedException(String.join("; ", problems), link);
        }
    }

    private void reconcileFields(String key, JiraIssue issue, OtherRecord rec, String link, List<String> problems) {
        LinkRecord shadow = jira.readLink(key, system().key()).orElse(null);
        if (shadow == null) {
            // linked by the record's key only (the property was deleted): take today's values as agreed
            shadow = new LinkRecord(system().key(), rec.id(), rec.number(), rec.url(), clock.instant());
            for (String f : LinkRecord.FIELDS) {
                shadow.agree(f, jiraValue(issue, f), otherValue(rec, f));
            }
            jira.writeLink(key, shadow);
            known.fields(rec.number(), key, shadow);
            return;
        }
        String before = shadow.fingerprint();
        OtherChange change = new OtherChange();
        Map<String, String> jiraWrites = new LinkedHashMap<>();
        Map<String, String> pendingShadow = new HashMap<>();
        Map<String, String> writtenToOther = new LinkedHashMap<>();
        for (String f : LinkRecord.FIELDS) {
            if (f.equals(LinkRecord.ASSIGNEE) && !settings.matchUsers()) {
                continue;
            }
            String j = jiraValue(issue, f);
            String o = otherValue(rec, f);
            boolean pushOther = false;
            if (shadow.guessed(f) && !JiraSide.changedSinceCreation(issue, f) && !same(j, shadow.jira(f))) {
                // the issue was created without a read-back and still holds what it started with, which is not what
                // the sync expected (the workflow's first status, a default changed): not a change made in Jira. The
                // shadow takes the real value; for the status, the record's value goes to Jira as the creation would
                // have done (its transition was skipped on the wrong guess)
                LOG.info("{}: Jira {} started with {} {}, not {} as expected; corrected", syncId, key, f, j,
                        shadow.jira(f));
                monitor.count("create.guessCorrected");
                forgetDefaults();
                shadow.agree(f, j, shadow.other(f));
                pushOther = f.equals(LinkRecord.STATUS);
            }
            boolean jChanged = !same(j, shadow.jira(f));
            boolean oChanged = pushOther || !same(o, shadow.other(f));
            if (!jChanged && !oChanged) {
                continue;
            }
            boolean jiraWins;
            if (jChanged && oChanged) {
                Instant jt = JiraSide.changedAt(issue, f);
                Instant ot = rec.updatedAt() == null ? Instant.EPOCH : rec.updatedAt();
                jiraWins = !jt.isBefore(ot);
            } else {
                jiraWins = jChanged;
            }
            if (jiraWins && settings.direction().fromJira()) {
                String target = toOther(f, j, issue);
                if (target == null) {
                    shadow.agree(f, j, o);
                    continue;
                }
                if (!same(target, o)) {
                    applyToOther(change, f, target, j);
                    writtenToOther.put(f, j);
                }
                shadow.agree(f, j, target);
            } else if (!jiraWins && settings.direction().toJira()) {
                String target = toJira(f, o, rec);
                if (target == null) {
                    shadow.agree(f, j, o);
                    continue;
                }
                if (!same(target, j)) {
                    jiraWrites.put(f, target);
                    pendingShadow.put(f, o);
                } else {
                    shadow.agree(f, j, o);
                }
            } else {
                // the change flows the other way only: remember it so it is not taken for a new one later
                shadow.agree(f, j, o);
            }
        }
        if (!change.isEmpty()) {
            OtherRecord after = other.update(rec, change);
            // agree on what the record really holds now (a value the other side refused or adjusted is not re-sent)
            for (Map.Entry<String, String> w : writtenToOther.entrySet()) {
                shadow.agree(w.getKey(), w.getValue(), otherValue(after, w.getKey()));
            }
            logOtherChange(key, issue, rec, change);
        }
        for (Map.Entry<String, String> w : jiraWrites.entrySet()) {
            String f = w.getKey();
            String target = w.getValue();
            String o = pendingShadow.get(f);
            try {
                String written = writeJira(key, issue, f, target);
                shadow.agree(f, written, o);
                echo.jiraWritten(key, f, target);
                String line = other.describe(rec) + " " + display(f, other.label(f, o)) + " -> Jira " + key + " "
                        + display(f, target);
                monitor.synced(syncId, "to-jira", f, line);
                LOG.info(line);
            } catch (RuntimeException ex) {
                if (Failures.classify(ex) != Failures.Kind.REJECTED) {
                    if (!before.equals(shadow.fingerprint())) {
                        jira.writeLink(key, shadow);
                    }
                    throw ex;
                }
                // not applicable (no transition reaches the status, a value Jira refuses): report, do not retry
                shadow.agree(f, jiraValue(issue, f), o);
                problems.add(other.describe(rec) + " " + f + " " + display(f, o) + " -> Jira " + key + " "
                        + display(f, target) + " not applied: " + Failures.reason(ex));
            }
        }
        if (!before.equals(shadow.fingerprint())) {
            jira.writeLink(key, shadow);
        }
        if (problems.isEmpty()) {
            known.fields(rec.number(), key, shadow);
        }
    }

    private void logOtherChange(String key, JiraIssue issue, OtherRecord rec, OtherChange change) {
        List<String> parts = new ArrayList<>();
        if (change.status() != null) {
            parts.add("status");
            line("status", "Jira " + key + " " + issue.status() + " -> " + other.describe(rec) + " "
                    + display(LinkRecord.STATUS, other.label(LinkRecord.STATUS, change.status())));
        }
        if (change.priority() != null) {
            line("priority", "Jira " + key + " priority " + issue.priority() + " -> " + other.describe(rec) + " "
                    + display(LinkRecord.PRIORITY, other.label(LinkRecord.PRIORITY, change.priority())));
        }
        if (change.summary() != null) {
            line("summary", "Jira " + key + " summary -> " + other.describe(rec) + " \"" + change.summary() + "\"");
        }
        if (change.assigneeChanged()) {
            line("assignee", "Jira " + key + " assignee -> " + other.describe(rec) + " "
                    + (change.assignee() == null ? "unassigned" : change.assignee().label()));
        }
    }

    private void line(String action, String text) {
        LOG.info(text);
        monitor.synced(syncId, "from-jira", action, text);
    }

    private String display(String field, String value) {
        if (value == null) {
            return field.equals(LinkRecord.ASSIGNEE) ? "unassigned" : "(none)";
        }
        if (field.equals(LinkRecord.SUMMARY)) {
            return "\"" + value + "\"";
        }
        if (field.equals(LinkRecord.ASSIGNEE)) {
            return "assignee " + value;
        }
        if (field.equals(LinkRecord.PRIORITY)) {
            return "priority " + value;
        }
        return value;
    }

    /** Writes one field to Jira; answers the Jira value it now has. */
    private String writeJira(String key, JiraIssue issue, String field, String target) {
        switch (field) {
            case LinkRecord.STATUS -> {
                JiraIssue after = jira.transition(key, target);
                return after == null ? target : after.status();
            }
            case LinkRecord.SUMMARY -> {
                jira.update(key, summaryOf(target, key), null, null);
                return summaryOf(target, key);
            }
            case LinkRecord.PRIORITY -> {
                jira.update(key, null, target, null);
                return target;
            }
            default -> {
                if (target.equals("none")) {
                    jira.update(key, null, null, "none");
                    return null;
                }
                JiraUser user = jira.userByEmail(target).orElseThrow(() -> new SyncRejectedException("no Jira user "
                        + "with e-mail " + target + " any more", "Jira " + key));
                jira.update(key, null, null, user.id());
                return identity(user);
            }
        }
    }

    private void applyToOther(OtherChange change, String field, String target, String jiraValue) {
        switch (field) {
            case LinkRecord.STATUS -> change.status(target);
            case LinkRecord.PRIORITY -> change.priority(target);
            case LinkRecord.SUMMARY -> change.summary(target);
            default -> change.assignee(target == null || target.equals("none") ? null
                    : other.findAgent(target).orElse(null));
        }
    }

    /** The other side's value for a Jira value of {@code field}, or null when it cannot be mapped. */
    private String toOther(String field, String jiraValue, JiraIssue issue) {
        switch (field) {
            case LinkRecord.SUMMARY:
                return jiraValue;
            case LinkRecord.STATUS:
                return mapToOther(settings.statusMap(), jiraValue);
            case LinkRecord.PRIORITY:
                return jiraValue == null ? null : mapToOther(settings.priorityMap(), jiraValue);
            default:
                return otherAssigneeFor(jiraValue, issue);
        }
    }

    /** The Jira value for the other side's value of {@code field}, or null when it cannot be mapped. */
    private String toJira(String field, String otherValue, OtherRecord rec) {
        switch (field) {
            case LinkRecord.SUMMARY:
                return otherValue == null || otherValue.isBlank() ? null : otherValue;
            case LinkRecord.STATUS:
                return mapToJira(settings.statusMap(), otherValue);
            case LinkRecord.PRIORITY:
                return otherValue == null ? null : mapToJira(settings.priorityMap(), otherValue);
            default:
                if (otherValue == null) {
                    return "none";
                }
                return jiraUserFor(rec.assignee()).map(SyncEngine::identity).orElse("none");
        }
    }

    private String mapToOther(FieldMap map, String jiraValue) {
        Optional<String> v = map.toOther(jiraValue);
        if (!map.mapsJira(jiraValue)) {
            monitor.unmapped(syncId, map.parameter(), "Jira " + jiraValue, v.orElse(null));
        }
        return v.orElse(null);
    }

    private String mapToJira(FieldMap map, String otherValue) {
        if (otherValue == null) {
            return null;
        }
        Optional<String> v = map.toJira(otherValue);
        if (!map.mapsOther(otherValue)) {
            monitor.unmapped(syncId, map.parameter(), system().displayName() + " " + otherValue, v.orElse(null));
        }
        return v.orElse(null);
    }

    /** The Jira user for a person of the other side, or the fallback, or empty. */
    private Optional<JiraUser> jiraUserFor(Person p) {
        if (p == null) {
            return Optional.empty();
        }
        Optional<JiraUser> u = jira.userByEmail(p.email());
        if (u.isEmpty()) {
            monitor.unmapped(syncId, "userMatch", system().displayName() + " user " + p.label(),
                    settings.fallbackAssignee());
            if (settings.fallbackAssignee() != null) {
                u = jira.userByEmail(settings.fallbackAssignee());
            }
        }
        return u;
    }

    private static String identity(JiraUser u) {
        return Person.identityOf(new Person(u.id(), u.emailAddress(), u.displayName()));
    }

    /** The e-mail of the agent of the other side for a Jira assignee identity; "none" to unassign. */
    private String otherAssigneeFor(String jiraIdentity, JiraIssue issue) {
        if (jiraIdentity == null) {
            return "none";
        }
        if (!jiraIdentity.startsWith("id:") && other.findAgent(jiraIdentity).isPresent()) {
            return jiraIdentity;
        }
        String who = issue.assignee() == null ? jiraIdentity : issue.assignee().displayName();
        monitor.unmapped(syncId, "userMatch", "Jira user " + who, settings.fallbackAssignee());
        if (settings.fallbackAssignee() != null && other.findAgent(settings.fallbackAssignee()).isPresent()) {
            return settings.fallbackAssignee().toLowerCase(Locale.ROOT);
        }
        return "none";
    }

    static String jiraValue(JiraIssue issue, String field) {
        return switch (field) {
            case LinkRecord.SUMMARY -> issue.summary();
            case LinkRecord.STATUS -> issue.status();
            case LinkRecord.PRIORITY -> issue.priority();
            default -> {
                JiraUser a = issue.assignee();
                yield a == null ? null : Person.identityOf(new Person(a.id(), a.emailAddress(), a.displayName()));
            }
        };
    }

    static String otherValue(OtherRecord rec, String field) {
        return switch (field) {
            case LinkRecord.SUMMARY -> rec.summary();
            case LinkRecord.STATUS -> rec.status();
            case LinkRecord.PRIORITY -> rec.priority();
            default -> Person.identityOf(rec.assignee());
        };
    }

    private static boolean same(String a, String b) {
        if (a == null || b == null) {
            return Objects.equals(a, b) || (a == null && "none".equals(b)) || (b == null && "none".equals(a));
        }
        return a.equalsIgnoreCase(b);
    }

    // ------------------------------------------------------------------------------------------ comments

    private void reconcileComments(String key, OtherRecord rec, List<OtherComment> knownComments, String link) {
        SyncSettings.CommentScope scope = settings.syncComments();
        if (scope == SyncSettings.CommentScope.NONE) {
            known.comments(rec.number(), key, List.of());
            return;
        }
        List<JiraComment> jiraComments = jira.comments(key);
        List<OtherComment> otherComments = knownComments != null ? knownComments : other.comments(rec);
        Set<String> copiedFromJira = new HashSet<>();
        Set<String> copiedFromOther = new HashSet<>();
        for (OtherComment c : otherComments) {
            Markers.find(c.body()).filter(m -> m.system().equals("jira")).ifPresent(m -> copiedFromJira.add(m.commentId()));
        }
        for (JiraComment c : jiraComments) {
            Markers.find(c.body()).filter(m -> m.system().equals(system().key()))
                    .ifPresent(m -> copiedFromOther.add(m.commentId()));
        }
        if (settings.direction().fromJira()) {
            for (JiraComment c : jiraComments) {
                boolean restricted = c.visibility() != null;
                if (Markers.isSynced(c.body()) || copiedFromJira.contains(c.id())
                        || restricted && scope == SyncSettings.CommentScope.PUBLIC || c.body() == null
                        || c.body().isBlank() || settings.ignores(authorId(c))) {
                    continue;
                }
                String author = c.author() == null ? "Jira user" : c.author().displayName();
                String text = Markers.body(author, "Jira", c.body(), "jira", c.id());
                other.addComment(rec, text, !restricted);
                String line = "Jira " + key + " comment " + c.id() + " -> " + other.describe(rec)
                        + (restricted ? " private note" : " comment");
                LOG.info(line);
                monitor.synced(syncId, "from-jira", "comment", line);
            }
        }
        if (settings.direction().toJira()) {
            for (OtherComment c : otherComments) {
                if (Markers.isSynced(c.body()) || copiedFromOther.contains(c.id())
                        || !c.isPublic() && scope == SyncSettings.CommentScope.PUBLIC || c.body() == null
                        || c.body().isBlank()) {
                    continue;
                }
                String text = Markers.body(c.author(), system().displayName(), c.body(), system().key(), c.id());
                JiraComment added = jira.addComment(key, text);
                String line = other.describe(rec) + " comment " + c.id() + " -> Jira " + key + " comment "
                        + (added == null ? "" : added.id());
                LOG.info(line.trim());
                monitor.synced(syncId, "to-jira", "comment", line.trim());
            }
        }
        known.comments(rec.number(), key, otherComments);
    }

    private static String authorId(JiraComment c) {
        if (c.author() == null) {
            return null;
        }
        return c.author().emailAddress() != null ? c.author().emailAddress() : c.author().id();
    }

    // ------------------------------------------------------------------------------------------ attachments

    private void reconcileAttachments(String key, JiraIssue issue, OtherRecord rec, List<String> problems) {
        List<AttachmentInfo> inJira = jira.attachments(issue);
        List<AttachmentInfo> inOther = other.attachments(rec);
        Set<String> jiraFiles = new HashSet<>();
        inJira.forEach(a -> jiraFiles.add(a.sameFileKey()));
        Set<String> otherFiles = new HashSet<>();
        inOther.forEach(a -> otherFiles.add(a.sameFileKey()));
        if (settings.direction().fromJira()) {
            for (AttachmentInfo a : inJira) {
                if (otherFiles.contains(a.sameFileKey())) {
                    continue;
                }
                if (a.size() > settings.maxAttachmentSize()) {
                    reportTooLarge("Jira " + key, a, problems);
                    continue;
                }
                other.upload(rec, a.fileName(), a.contentType(), jira.download(key, a));
                otherFiles.add(a.sameFileKey());
                String line = "Jira " + key + " attachment " + a.fileName() + " -> " + other.describe(rec);
                LOG.info(line);
                monitor.synced(syncId, "from-jira", "attachment", line);
            }
        }
        if (settings.direction().toJira()) {
            for (AttachmentInfo a : inOther) {
                if (jiraFiles.contains(a.sameFileKey())) {
                    continue;
                }
                if (a.size() > settings.maxAttachmentSize()) {
                    reportTooLarge(other.describe(rec), a, problems);
                    continue;
                }
                jira.attach(key, a.fileName(), a.contentType(), other.download(rec, a));
                jiraFiles.add(a.sameFileKey());
                String line = other.describe(rec) + " attachment " + a.fileName() + " -> Jira " + key;
                LOG.info(line);
                monitor.synced(syncId, "to-jira", "attachment", line);
            }
        }
    }

    private void reportTooLarge(String where, AttachmentInfo a, List<String> problems) {
        String value = where + " " + a.fileName();
        if (!monitor.reportedUnmapped(syncId, "maxAttachmentSize", value)) {
            monitor.unmapped(syncId, "maxAttachmentSize", value, null);
            problems.add(where + " attachment " + a.fileName() + " (" + a.size() + " bytes) is larger than "
                    + "maxAttachmentSize " + settings.maxAttachmentSize() + " and was not copied");
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** The record of the other side is gone: the issue loses its link label, so its changes no longer matter. */
    private void unlink(String key, String otherNumber) {
        try {
            jira.removeLabel(key, settings.linkLabel(otherNumber));
        } catch (RuntimeException ex) {
            if (Failures.classify(ex) == Failures.Kind.UNAVAILABLE) {
                gone.remove("other:" + otherNumber);
                throw ex;
            }
            LOG.warn("{}: could not remove label {} from {}: {}", syncId, settings.linkLabel(otherNumber), key,
                    Failures.reason(ex));
        }
    }

    private String linkedOtherId(List<String> labels) {
        if (labels == null) {
            return null;
        }
        for (String l : labels) {
            if (l.startsWith(settings.linkLabelPrefix()) && l.length() > settings.linkLabelPrefix().length()) {
                return l.substring(settings.linkLabelPrefix().length());
            }
        }
        return null;
    }

    private String linkText(String key, OtherRecord rec) {
        return (key == null ? "" : "Jira " + key + " <-> ") + other.describe(rec);
    }

    /** The id of the other side's record a linked issue's label names (for ServiceNow: the incident number). */
    public String otherIdFromLabels(List<String> labels) {
        return linkedOtherId(labels);
    }
}
