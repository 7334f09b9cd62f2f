package dev.cameljira.examples.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What the service connects to and how, read once at start from the documented environment variables (or their
 * property names: {@code JIRA_URL} is {@code jira.url}, {@code SYNC_POLL_INTERVAL} is {@code sync.poll-interval}).
 * Every check names the variable to fix. Without {@code JIRA_URL} the service runs against the embedded sandbox
 * instead ({@link EmbeddedSandbox} makes that configuration). {@code toString()} never shows a secret.
 *
 * @param embedded        true when the back-ends are the in-process sandbox
 * @param jira            the Jira connection
 * @param zendesk         the Zendesk connection; empty when ZENDESK_URL is not set (the Zendesk sync is not started)
 * @param serviceNow      the ServiceNow connection; empty when SERVICENOW_URL is not set
 * @param jiraProject     JIRA_PROJECT
 * @param pollInterval    SYNC_POLL_INTERVAL
 * @param publicUrl       PUBLIC_URL: where Jira reaches this service; webhooks are on when it is set
 * @param allowUnsigned   SYNC_ALLOW_UNSIGNED: accept unsigned webhooks (local use only)
 * @param stateDirectory  SYNC_STATE_DIRECTORY: where the poll cursors are kept
 * @param since           where a first start picks up (now, -1h, or an ISO-8601 instant)
 */
public record SyncConfiguration(boolean embedded, Jira jira, Optional<Zendesk> zendesk, Optional<ServiceNow> serviceNow,
                                String jiraProject, String pollInterval, Optional<String> publicUrl,
                                boolean allowUnsigned, String stateDirectory, String since) {

    /** Jira's base URL and credentials: basic (user + API token) or a Data Center personal access token. */
    public record Jira(String url, String username, String apiToken, String pat, String webhookSecret) {
        @Override
        public String toString() {
            return "Jira[" + url + (pat != null ? ", personal access token" : ", user " + username) + "]";
        }
    }

    /** Zendesk's base URL ({@code https://acme.zendesk.com}) and API-token credentials. */
    public record Zendesk(String url, String username, String token, String webhookSecret) {
        @Override
        public String toString() {
            return "Zendesk[" + url + ", user " + username + "]";
        }
    }

    /** ServiceNow's base URL ({@code https://acme.service-now.com}), user and password, optionally an OAuth client. */
    public record ServiceNow(String url, String username, String password, String clientId, String clientSecret,
                             String webhookSecret) {
        /** Table API base: what camel-servicenow calls apiUrl. */
        public String apiUrl() {
            return url + "/api";
        }

        /** OAuth token endpoint. */
        public String oauthTokenUrl() {
            return url + "/oauth_token.do";
        }

        @Override
        public String toString() {
            return "ServiceNow[" + url + ", user " + username + (clientId != null ? ", OAuth client" : "") + "]";
        }
    }

    static final String DEFAULT_PROJECT = "DEMO";
    static final String DEFAULT_POLL_INTERVAL = "30s";
    static final String DEFAULT_STATE_DIRECTORY = "jira-sync-state";
    private static final Pattern URL = Pattern.compile("https?://[^\\s/?#]+(/[^\\s?#]*)?");
    private static final Pattern DURATION = Pattern.compile("\\d+\\s*(ms|s|m|h|d)?");
    private static final Pattern PROJECT = Pattern.compile("[A-Z][A-Z0-9_]+");

    /** Whether webhooks are on: PUBLIC_URL is set (or the embedded sandbox delivers them). */
    public boolean webhooks() {
        return publicUrl.isPresent();
    }

    /**
     * Reads the real-systems configuration; call it only when JIRA_URL is set.
     *
     * @param get looks up a property by its name ({@code jira.url}); blank values count as absent
     * @throws IllegalArgumentException naming the environment variables to fix
     */
    public static SyncConfiguration fromEnvironment(Function<String, Optional<String>> get) {
        Reader r = new Reader(get);
        String jiraUrl = r.url("jira.url", "");
        String username = r.get("jira.username");
        String apiToken = r.get("jira.api-token");
        String pat = r.get("jira.pat");
        if (pat == null && (username == null || apiToken == null)) {
            throw new IllegalArgumentException("JIRA_URL is set but Jira's credentials are not: set JIRA_USERNAME and "
                    + "JIRA_API_TOKEN (Cloud: e-mail and API token; Data Center: user and password), or JIRA_PAT (a Data "
                    + "Center personal access token)");
        }
        Optional<String> publicUrl = Optional.ofNullable(r.get("public.url")).map(u -> {
            if (!URL.matcher(u).matches()) {
                throw new IllegalArgumentException("PUBLIC_URL is '" + u + "'; expected the http(s) base URL Jira reaches "
                        + "this service at, e.g. https://sync.example.com");
            }
            return trimSlashes(u);
        });
        boolean allowUnsigned = r.bool("sync.allow-unsigned");
        Jira jira = new Jira(jiraUrl, pat != null ? null : username, pat != null ? null : apiToken, pat,
                r.get("jira.webhook-secret"));

        Optional<Zendesk> zendesk = Optional.empty();
        if (r.get("zendesk.url") != null) {
            String url = r.url("zendesk.url", "/api/v2");
            r.require("zendesk.username", "ZENDESK_URL is set", "the agent's e-mail");
            r.require("zendesk.token", "ZENDESK_URL is set", "a Zendesk API token");
            zendesk = Optional.of(new Zendesk(url, r.get("zendesk.username"), r.get("zendesk.token"),
                    r.get("zendesk.webhook-secret")));
        }
        Optional<ServiceNow> serviceNow = Optional.empty();
        if (r.get("servicenow.url") != null) {
            String url = r.url("servicenow.url", "/api");
            r.require("servicenow.username", "SERVICENOW_URL is set", "the integration user");
            r.require("servicenow.password", "SERVICENOW_URL is set", "its password");
            String clientId = r.get("servicenow.client-id");
            String clientSecret = r.get("servicenow.client-secret");
            if ((clientId == null) != (clientSecret == null)) {
                throw new IllegalArgumentException("SERVICENOW_CLIENT_ID and SERVICENOW_CLIENT_SECRET go together (OAuth): "
                        + "set both, or neither for basic auth");
            }
            serviceNow = Optional.of(new ServiceNow(url, r.get("servicenow.username"), r.get("servicenow.password"),
                    clientId, clientSecret, r.get("servicenow.webhook-secret")));
        }
        SyncConfiguration c = new SyncConfiguration(false, jira, zendesk, serviceNow, r.project(), r.pollInterval(),
                publicUrl, allowUnsigned, r.getOr("sync.state-directory", DEFAULT_STATE_DIRECTORY),
                r.getOr("sync.since", "now"));
        c.checkSecrets();
        return c;
    }

    /** Webhooks on and a secret missing: refused unless SYNC_ALLOW_UNSIGNED=true. */
    void checkSecrets() {
        if (!webhooks() || allowUnsigned) {
            return;
        }
        List<String> missing = new ArrayList<>();
        if (jira.webhookSecret() == null) {
            missing.add("JIRA_WEBHOOK_SECRET");
        }
        if (zendesk.isPresent() && zendesk.get().webhookSecret() == null) {
            missing.add("ZENDESK_WEBHOOK_SECRET");
        }
        if (serviceNow.isPresent() && serviceNow.get().webhookSecret() == null) {
            missing.add("SERVICENOW_WEBHOOK_SECRET");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("PUBLIC_URL is set, so the webhooks are on, but " + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " blank: set the secret each system signs its deliveries "
                    + "with (SYNC_ALLOW_UNSIGNED=true accepts unsigned deliveries, for local use only)");
        }
    }

    /** One line for the log: what is synced with what, and how. */
    public String describe() {
        return "Jira " + jira.url() + " (project " + jiraProject + ", " + (jira.pat() != null ? "personal access token"
                : "user " + jira.username()) + ") with " + zendesk.map(z -> "Zendesk " + z.url()).orElse("no Zendesk")
                + " and " + serviceNow.map(s -> "ServiceNow " + s.url()).orElse("no ServiceNow") + "; "
                + publicUrl.map(u -> "webhooks at " + u + " and polling every " + pollInterval)
                        .orElse("polling every " + pollInterval + " (no PUBLIC_URL: no webhooks)");
    }

    @Override
    public String toString() {
        return "SyncConfiguration[" + (embedded ? "embedded sandbox, " : "") + jira + ", " + zendesk.map(Object::toString)
                .orElse("no Zendesk") + ", " + serviceNow.map(Object::toString).orElse("no ServiceNow") + ", project "
                + jiraProject + ", poll every " + pollInterval + ", " + publicUrl.map(u -> "webhooks at " + u)
                .orElse("polling only") + "]";
    }

    static String trimSlashes(String url) {
        return url.replaceAll("/+$", "");
    }

    /** Property name to environment variable, for messages: jira.api-token is JIRA_API_TOKEN. */
    static String env(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static final class Reader {
        private final Function<String, Optional<String>> get;

        Reader(Function<String, Optional<String>> get) {
            this.get = get;
        }

        String get(String name) {
            return get.apply(name).map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        }

        String getOr(String name, String def) {
            String v = get(name);
            return v == null ? def : v;
        }

        void require(String name, String because, String what) {
            if (get(name) == null) {
                throw new IllegalArgumentException(because + " but " + env(name) + " is not: set it to " + what);
            }
        }

        boolean bool(String name) {
            String v = get(name);
            if (v == null || v.equalsIgnoreCase("false")) {
                return false;
            }
            if (v.equalsIgnoreCase("true")) {
                return true;
            }
            throw new IllegalArgumentException(env(name) + " is '" + v + "'; allowed: true, false");
        }

        /** A base URL, without trailing slashes and without the API suffix users sometimes paste. */
        String url(String name, String apiSuffix) {
            String v = get(name);
            if (v == null || !URL.matcher(v).matches()) {
                throw new IllegalArgumentException(env(name) + " is '" + v + "'; expected a base URL such as "
                        + switch (name) {
                            case "zendesk.url" -> "https://acme.zendesk.com";
                            case "servicenow.url" -> "https://acme.service-now.com";
                            default -> "https://acme.atlassian.net";
                        });
            }
            String url = trimSlashes(v);
            if (!apiSuffix.isEmpty() && url.endsWith(apiSuffix)) {
                url = url.substring(0, url.length() - apiSuffix.length());
            }
            return url;
        }

        String project() {
            String p = getOr("jira.project", DEFAULT_PROJECT);
            if (!PROJECT.matcher(p).matches()) {
                throw new IllegalArgumentException("JIRA_PROJECT is '" + p + "'; expected a Jira project key such as DEMO");
            }
            return p;
        }

        String pollInterval() {
            String p = getOr("sync.poll-interval", DEFAULT_POLL_INTERVAL);
            if (!DURATION.matcher(p.toLowerCase(Locale.ROOT)).matches() || p.matches("0+\\s*[a-z]*")) {
                throw new IllegalArgumentException("SYNC_POLL_INTERVAL is '" + p + "'; expected a positive duration such "
                        + "as 30s, 2m or 500ms");
            }
            return p;
        }
    }

    /** For the embedded default: how often to poll and which project, from the same variables. */
    static String pollInterval(Function<String, Optional<String>> get) {
        return new Reader(get).pollInterval();
    }

    static String project(Function<String, Optional<String>> get) {
        return new Reader(get).project();
    }
}
