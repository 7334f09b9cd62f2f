package dev.cameljira.jira.operations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.model.AddWorklogRequest;
import dev.cameljira.jira.model.JiraWorklog;

/** addWorklog: {@code POST /issue/{key}/worklog}. */
public final class WorklogOperations {

    /** The timestamp format Jira's worklog API expects: {@code 2026-11-28T10:15:30.000+0000}. */
    static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT);

    /** Jira's duration notation: numbers with optional units w, d, h, m (a bare number is minutes by default). */
    private static final Pattern DURATION = Pattern.compile("(?i)\\s*(\\d+(?:[.,]\\d+)?\\s*[wdhm]?\\s*)+");

    private WorklogOperations() {
    }

    /**
     * addWorklog (camel-jira: addWorkLog). Needs the issue key and the time spent, one of: header CamelJiraTimeSpent
     * or 'timeSpent' in a JSON body in Jira's notation ("1h 30m"); header CamelJiraTimeSpentSeconds or
     * 'timeSpentSeconds'; camel-jira's header minutesSpent (whole minutes). Optional: the start (header
     * CamelJiraWorklogStarted or 'started'; ISO-8601 with or without offset — without, the JVM's zone applies — or a
     * java.time / java.util.Date value; default now), the comment (a String body as in camel-jira, or 'comment' of a
     * JSON body; ADF on v3, wiki on v2) and visibility (CamelJiraVisibility). Returns the {@link JiraWorklog}; sets
     * CamelJiraWorklogId.
     */
    public static Object addWorklog(OperationContext ctx) {
        AddWorklogRequest typed = ctx.typedBody(AddWorklogRequest.class).orElse(null);
        String key = typed != null && !OperationSupport.blank(typed.issueKey()) ? typed.issueKey()
                : ctx.require(JiraParam.ISSUE_KEY);
        JiraApi api = ctx.api();
        Object comment = typed != null ? typed.comment() : OperationSupport.bodyComment(ctx);
        JsonNode visibility = typed != null && typed.visibility() != null ? typed.visibility().toJson()
                : CommentOperations.visibility(ctx);
        String started = typed != null && typed.started() != null ? JIRA_TIME.format(parse(ctx, typed.started().strip()))
                : started(ctx, api);
        JiraApi.WorklogBody body;
        if (typed != null && typed.timeSpentSeconds() != null) {
            body = new JiraApi.WorklogBody(null, positive(ctx, String.valueOf(typed.timeSpentSeconds()),
                    JiraParam.TIME_SPENT_SECONDS, 1), started, null, null);
        } else if (typed != null && typed.timeSpent() != null) {
            body = new JiraApi.WorklogBody(duration(ctx, typed.timeSpent()), null, started, null, null);
        } else {
            body = timeSpent(ctx, started);
        }
        body = new JiraApi.WorklogBody(body.timeSpent(), body.timeSpentSeconds(), started,
                OperationSupport.noText(comment) ? null : api.richText(comment), visibility);
        JiraWorklog worklog = JiraWorklog.from(api.addWorklog(key, body));
        ctx.setHeader(JiraConstants.ISSUE_KEY, key);
        ctx.setHeader(JiraConstants.WORKLOG_ID, worklog.id());
        return worklog;
    }

    private static JiraApi.WorklogBody timeSpent(OperationContext ctx, String started) {
        String seconds = ctx.string(JiraParam.TIME_SPENT_SECONDS).orElse(null);
        if (seconds != null) {
            return new JiraApi.WorklogBody(null, positive(ctx, seconds, JiraParam.TIME_SPENT_SECONDS, 1), started, null, null);
        }
        String spent = ctx.string(JiraParam.TIME_SPENT).orElse(null);
        if (spent != null) {
            return new JiraApi.WorklogBody(duration(ctx, spent), null, started, null, null);
        }
        String minutes = ctx.string(JiraParam.MINUTES_SPENT).orElse(null);
        if (minutes != null) {
            return new JiraApi.WorklogBody(null, positive(ctx, minutes, JiraParam.MINUTES_SPENT, 60), started, null, null);
        }
        throw ctx.invalid("needs the time spent: set header " + JiraConstants.TIME_SPENT + " (\"1h 30m\"), "
                          + JiraConstants.TIME_SPENT_SECONDS + " or " + JiraConstants.LEGACY_MINUTES_SPENT
                          + ", or put 'timeSpent' or 'timeSpentSeconds' in a JSON/Map body or an AddWorklogRequest");
    }

    private static String duration(OperationContext ctx, String spent) {
        if (!DURATION.matcher(spent).matches()) {
            throw ctx.invalid(JiraParam.TIME_SPENT.description() + " must be in Jira's notation such as '1h 30m', '2d' or "
                              + "'45m', was '" + spent + "'");
        }
        return spent.strip();
    }

    private static long positive(OperationContext ctx, String value, JiraParam p, long factor) {
        long n;
        try {
            n = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ctx.invalid(p.description() + " must be a whole number, was '" + value + "'");
        }
        if (n <= 0) {
            throw ctx.invalid(p.description() + " must be greater than 0, was " + n);
        }
        return Math.multiplyExact(n, factor);
    }

    /** The start in Jira's format; now (the client's clock) by default. */
    static String started(OperationContext ctx, JiraApi api) {
        Object v = ctx.raw(JiraParam.WORKLOG_STARTED).orElse(null);
        OffsetDateTime t;
        if (v == null) {
            t = OffsetDateTime.now(api.clock());
        } else if (v instanceof OffsetDateTime o) {
            t = o;
        } else if (v instanceof ZonedDateTime z) {
            t = z.toOffsetDateTime();
        } else if (v instanceof Instant i) {
            t = i.atOffset(ZoneOffset.UTC);
        } else if (v instanceof LocalDateTime l) {
            t = l.atZone(ZoneId.systemDefault()).toOffsetDateTime();
        } else if (v instanceof Date d) {
            t = d.toInstant().atOffset(ZoneOffset.UTC);
        } else {
            t = parse(ctx, OperationContext.asText(v).strip());
        }
        return JIRA_TIME.format(t);
    }

    private static OffsetDateTime parse(OperationContext ctx, String s) {
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            // fall through
        }
        try {
            return OffsetDateTime.parse(s, JIRA_TIME);
        } catch (DateTimeParseException e) {
            // fall through
        }
        try {
            return LocalDateTime.parse(s).atZone(ZoneId.systemDefault()).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            // fall through
        }
        try {
            return LocalDate.parse(s).atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw ctx.invalid(JiraParam.WORKLOG_STARTED.description() + " must be an ISO-8601 date-time such as "
                              + "2026-11-28T10:15:00+01:00, was '" + s + "'");
        }
    }
}
