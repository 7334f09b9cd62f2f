package dev.cameljira.sandbox.jira.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.jira.model.RichText;
import dev.cameljira.sandbox.jira.render.Durations;
import dev.cameljira.sandbox.jira.store.JiraStore;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The members of a worklog as {@code POST issue/{key}/worklog} and the {@code worklog} update operation of issue create
 * and transition take them: {@code timeSpent} ("1h 30m") or {@code timeSpentSeconds}, {@code started}, {@code comment}
 * (ADF on v3, a string on v2) and {@code visibility}. The parsers throw {@link ApiException}s naming the field as
 * Jira does ({@code timeLogged}, {@code started}, {@code comment}), so both callers answer the same.
 */
public final class WorklogInput {

    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private WorklogInput() {
    }

    /** The time spent in seconds, or null when neither member is given; zero, negative or unparseable is a 400. */
    public static Long seconds(JsonNode body) {
        if (body.hasNonNull("timeSpentSeconds")) {
            JsonNode s = body.get("timeSpentSeconds");
            // Jira's JSON binding coerces a numeric string ("600", python-jira's str-typed timeSpentSeconds) to the long
            long value = s.isTextual() && s.asText().trim().matches("[+-]?\\d{1,18}") ? Long.parseLong(s.asText().trim())
                    : s.canConvertToLong() ? s.asLong() : 0;
            if (value <= 0) {
                throw ApiException.field("timeLogged", "Time spent must be a positive number of seconds.");
            }
            return value;
        }
        if (body.hasNonNull("timeSpent")) {
            long s = Durations.parse(body.get("timeSpent").asText(), "timeLogged");
            if (s <= 0) {
                throw ApiException.field("timeLogged", "You must indicate the time spent working.");
            }
            return s;
        }
        return null;
    }

    /** The time spent in seconds, required as for a new worklog. */
    public static long requiredSeconds(JsonNode body) {
        Long seconds = seconds(body);
        if (seconds == null) {
            throw ApiException.field("timeLogged", "You must indicate the time spent working.");
        }
        return seconds;
    }

    /** {@code started}, or null when not given. */
    public static Instant started(JsonNode body) {
        if (!body.hasNonNull("started")) {
            return null;
        }
        String s = body.get("started").asText();
        try {
            return OffsetDateTime.parse(s, JIRA_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e2) {
                throw ApiException.field("started",
                        "Invalid date format. Please enter the date in the format \"yyyy-MM-dd'T'HH:mm:ss.SSSZ\".");
            }
        }
    }

    /** {@code comment} in the flavour of the API version, or null when not given. */
    public static RichText comment(JsonNode body, int apiVersion, JiraStore store) {
        if (!body.has("comment")) {
            return null;
        }
        try {
            return FieldWriters.richText("comment", body.get("comment"), new WriteContext(store, apiVersion, null, null));
        } catch (FieldError e) {
            throw ApiException.field("comment", e.getMessage());
        }
    }
}
