package dev.cameljira.routes;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cameljira.routes.engine.FieldMap;
import dev.cameljira.routes.servicenow.ServiceNowValues;
import dev.cameljira.routes.zendesk.ZendeskSelector;
import dev.cameljira.routes.zendesk.ZendeskValues;

/**
 * The validated parameters of one sync. Every check names the parameter and the allowed values, so a wrong
 * {@code camel.route-template[0].direction=sideways} stops the start with a message that says how to fix it.
 */
public record SyncSettings(
        SyncSystem system,
        String jiraProject,
        String jiraIssueType,
        Direction direction,
        FieldMap statusMap,
        FieldMap priorityMap,
        FieldMap typeMap,
        boolean matchUsers,
        String fallbackAssignee,
        CommentScope syncComments,
        boolean syncAttachments,
        long maxAttachmentSize,
        Duration pollInterval,
        String deadLetterUri,
        String selector,
        ZendeskSelector zendeskSelector,
        String since,
        boolean webhooks,
        String publicUrl,
        String jiraWebhookPath,
        String jiraWebhookSecret,
        String otherWebhookPath,
        String otherWebhookSecret,
        boolean allowUnsignedWebhooks,
        boolean leaderElection,
        String clusterNamespace,
        String stateRepository,
        String stateDirectory,
        String idempotentRepository,
        String claimRepository,
        int concurrency,
        int maximumRedeliveries,
        Duration redeliveryDelay,
        Set<String> ignoreUsers,
        String linkLabelPrefix,
        String jiraComponent,
        String otherComponent,
        String servicenowInstance,
        String closeCode,
        String closeNotes,
        String correlationDisplay) {

    /** Which way changes flow. */
    public enum Direction {
        BOTH, TO_JIRA, FROM_JIRA;

        /** Whether the other side may change Jira. */
        public boolean toJira() {
            return this != FROM_JIRA;
        }

        /** Whether Jira may change the other side. */
        public boolean fromJira() {
            return this != TO_JIRA;
        }
    }

    /** Which comments travel. */
    public enum CommentScope {
        PUBLIC, ALL, NONE
    }

    /** The most records of one poll synced side by side. */
    public static final int MAX_CONCURRENCY = 32;
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");
    private static final Pattern PROJECT_KEY = Pattern.compile("[A-Z][A-Z0-9_]+");
    private static final Pattern COMPONENT = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
    private static final Pattern LABEL_PREFIX = Pattern.compile("[^\\s]+");

    /**
     * Reads and checks the parameters of a template instance.
     *
     * @param system  which template
     * @param params  the parameters (defaults included), values as given (placeholders already resolved)
     */
    public static SyncSettings from(SyncSystem system, Map<String, Object> params) {
        Reader r = new Reader(system, params);
        String project = r.required("jiraProject");
        if (!PROJECT_KEY.matcher(project).matches()) {
            throw r.invalid("jiraProject", project, "a Jira project key such as DEMO (upper-case letters, digits, _)");
        }
        Direction direction = r.choice("direction", Map.of("both", Direction.BOTH, "to-jira", Direction.TO_JIRA,
                "from-jira", Direction.FROM_JIRA));
        boolean zendesk = system == SyncSystem.ZENDESK;
        FieldMap status = r.map("statusMap", zendesk ? ZendeskValues.STATUSES : ServiceNowValues.STATES,
                zendesk ? FieldMap::lower : ServiceNowValues::state);
        FieldMap priority = r.map("priorityMap", zendesk ? ZendeskValues.PRIORITIES : ServiceNowValues.PRIORITIES,
                zendesk ? FieldMap::lower : ServiceNowValues::priority);
        FieldMap type = r.map("typeMap", zendesk ? ZendeskValues.TYPES : null, FieldMap::lower);
        boolean matchUsers = r.choice("userMatch", Map.of("email", true, "none", false));
        String fallback = r.optional("fallbackAssignee");
        if (fallback != null && fallback.equalsIgnoreCase("none")) {
            fallback = null;
        }
        if (fallback != null && !fallback.contains("@")) {
            throw r.invalid("fallbackAssignee", fallback, "an e-mail address, or none");
        }
        CommentScope comments = r.choice("syncComments", Map.of("public", CommentScope.PUBLIC, "all", CommentScope.ALL,
                "none", CommentScope.NONE));
        boolean webhooks = r.bool("webhooks");
        String otherPathParam = zendesk ? "zendeskWebhookPath" : "servicenowWebhookPath";
        String otherSecretParam = zendesk ? "zendeskWebhookSecret" : "servicenowWebhookSecret";
        boolean allowUnsigned = r.bool("allowUnsignedWebhooks");
        String jiraSecret = r.optional("jiraWebhookSecret");
        String otherSecret = r.optional(otherSecretParam);
        if (webhooks && !allowUnsigned) {
            if (jiraSecret == null) {
                throw new IllegalArgumentException(system.templateId() + ": parameter 'jiraWebhookSecret' is blank but "
                        + "webhooks=true: set the secret Jira signs deliveries with (or allowUnsignedWebhooks=true for "
                        + "local use only)");
            }
            if (otherSecret == null) {
                throw new IllegalArgumentException(system.templateId() + ": parameter '" + otherSecretParam + "' is "
                        + "blank but webhooks=true: set the " + system.displayName() + " webhook secret (or "
                        + "allowUnsignedWebhooks=true for local use only)");
            }
        }
        String publicUrl = r.optional("publicUrl");
        if (publicUrl != null) {
            if (!publicUrl.matches("https?://[^\\s/]+(/[^\\s?#]*)?")) {
                throw r.invalid("publicUrl", publicUrl, "an http(s) base URL such as https://sync.example.com");
            }
            publicUrl = publicUrl.replaceAll("/+$", "");
        }
        String selector = r.optional("selector");
        ZendeskSelector zendeskSelector = null;
        if (zendesk) {
            try {
                zendeskSelector = ZendeskSelector.parse(selector);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(system.templateId() + ": parameter 'selector': " + e.getMessage(), e);
            }
        }
        String since = r.required("since");
        checkSince(r, since);
        Set<String> ignore = new LinkedHashSet<>();
        String ignoreUsers = r.optional("ignoreUsers");
        if (ignoreUsers != null) {
            for (String u : ignoreUsers.split(",")) {
                if (!u.isBlank()) {
                    ignore.add(u.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        String labelPrefix = r.required("linkLabelPrefix");
        if (!LABEL_PREFIX.matcher(labelPrefix).matches()) {
            throw r.invalid("linkLabelPrefix", labelPrefix, "a Jira label prefix without spaces, e.g. zendesk-");
        }
        return new SyncSettings(system, project, r.required("jiraIssueType"), direction, status, priority, type,
                matchUsers, fallback, comments, r.bool("syncAttachments"), r.positiveLong("maxAttachmentSize"),
                r.duration("pollInterval"), r.deadLetter(), selector, zendeskSelector, since, webhooks, publicUrl,
                r.path("jiraWebhookPath"), jiraSecret, r.path(otherPathParam), otherSecret, allowUnsigned,
                r.bool("leaderElection"), r.name("clusterNamespace"), r.optional("stateRepository"),
                r.required("stateDirectory"), r.optional("idempotentRepository"), r.optional("claimRepository"),
                r.intBetween("concurrency", 1, MAX_CONCURRENCY), r.nonNegativeInt("maximumRedeliveries"),
                r.duration("redeliveryDelay"), Set.copyOf(ignore), labelPrefix, r.component("jiraComponent"),
                r.component(zendesk ? "zendeskComponent" : "servicenowComponent"),
                zendesk ? null : r.name("servicenowInstance"), zendesk ? null : r.required("closeCode"),
                zendesk ? null : r.required("closeNotes"), zendesk ? null : r.required("correlationDisplay"));
    }

    private static void checkSince(Reader r, String since) {
        if (since.equals("now") || since.matches("-\\d+[smhd]")) {
            return;
        }
        try {
            Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw r.invalid("since", since, "now, a duration back such as -1h, or an ISO-8601 instant such as "
                    + "2026-11-28T10:15:00Z");
        }
    }

    /** Parses 30s, 2m, 1h, 1d, 500ms or a bare number of milliseconds (Camel's own duration syntax); null otherwise. */
    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "ms" : m.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        return null;
    }

    /** The Jira label that marks the issue linked to {@code otherId}: {@code zendesk-12}. */
    public String linkLabel(String otherId) {
        return linkLabelPrefix + otherId;
    }

    /** Whether a user (e-mail or id, any case) is in ignoreUsers. */
    public boolean ignores(String user) {
        return user != null && ignoreUsers.contains(user.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        // secrets stay out of logs and messages
        return "SyncSettings[" + system.templateId() + " project=" + jiraProject + " direction=" + direction
                + " webhooks=" + webhooks + " pollInterval=" + pollInterval + "]";
    }

    /** Reads parameter values with messages naming the template and the parameter. */
    private static final class Reader {
        private final SyncSystem system;
        private final Map<String, Object> params;

        Reader(SyncSystem system, Map<String, Object> params) {
            this.system = system;
            this.params = params;
        }

        String optional(String name) {
            Object v = params.get(name);
            if (v == null) {
                v = params.get(kebab(name));
            }
            if (v == null) {
                return null;
            }
            String s = String.valueOf(v).trim();
            return s.isEmpty() ? null : s;
        }

        String required(String name) {
            String v = optional(name);
            if (v == null) {
                throw new IllegalArgumentException(system.templateId() + ": parameter '" + name + "' is required");
            }
            return v;
        }

        IllegalArgumentException invalid(String name, String value, String allowed) {
            return new IllegalArgumentException(system.templateId() + ": parameter '" + name + "' is '" + value
                    + "'; allowed: " + allowed);
        }

        <T> T choice(String name, Map<String, T> choices) {
            String v = required(name);
            T t = choices.get(v.toLowerCase(Locale.ROOT));
            if (t == null) {
                List<String> names = new ArrayList<>(choices.keySet());
                names.sort(null);
                throw invalid(name, v, String.join(", ", names));
            }
            return t;
        }

        boolean bool(String name) {
            return choice(name, Map.of("true", true, "false", false));
        }

        Duration duration(String name) {
            String v = required(name);
            Duration d = parseDuration(v);
            if (d == null || d.isNegative() || d.isZero()) {
                throw invalid(name, v, "a positive duration such as 30s, 2m, 1h or 500ms");
            }
            return d;
        }

        long positiveLong(String name) {
            String v = required(name);
            try {
                long n = Long.parseLong(v);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw invalid(name, v, "a positive number of bytes");
        }

        int intBetween(String name, int min, int max) {
            String v = required(name);
            try {
                int n = Integer.parseInt(v.trim());
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw invalid(name, v, "a whole number from " + min + " to " + max);
        }

        int nonNegativeInt(String name) {
            String v = required(name);
            try {
                int n = Integer.parseInt(v);
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw invalid(name, v, "0 or a positive whole number");
        }

        String path(String name) {
            String v = required(name);
            if (!v.startsWith("/") || v.contains("?") || v.contains(" ")) {
                throw invalid(name, v, "an HTTP path starting with /, e.g. /jira/webhook");
            }
            return v;
        }

        String name(String name) {
            String v = required(name);
            if (!COMPONENT.matcher(v).matches()) {
                throw invalid(name, v, "letters, digits, '.', '_' or '-'");
            }
            return v;
        }

        String component(String name) {
            return name(name);
        }

        String deadLetter() {
            String v = required("deadLetterUri");
            if (!v.equals("log") && !v.matches("[A-Za-z][A-Za-z0-9+.-]*:.*")) {
                throw invalid("deadLetterUri", v, "log, or a Camel endpoint URI such as seda:failed or "
                        + "file:failed");
            }
            return v;
        }

        FieldMap map(String name, java.util.Collection<String> otherValues, Function<String, String> normalize) {
            try {
                return FieldMap.parse(name, required(name), otherValues, normalize::apply);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(system.templateId() + ": " + e.getMessage(), e);
            }
        }

        private static String kebab(String camel) {
            return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        }
    }
}
