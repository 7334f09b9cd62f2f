package dev.cameljira.jira.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cameljira.jira.text.RichText;

/**
 * What the operations see of Jira: the {@link JiraClient}, the resolved deployment and REST version, path building,
 * rich-text conversion (ADF for v3, wiki for v2), user references (accountId on Cloud, name on Server) and the
 * per-endpoint metadata cache. Knows nothing of Camel.
 */
public final class JiraApi implements AutoCloseable {

    private final JiraClient client;
    private final JiraDeployment configuredDeployment;
    private final int configuredVersion;
    private final MetadataCache cache;
    private volatile JiraDeployment deployment;
    private volatile JsonNode serverInfo;

    /**
     * @param deployment AUTO to ask serverInfo once
     * @param apiVersion 0 for auto (Cloud 3, Server 2), or 2 / 3
     */
    public JiraApi(JiraClient client, JiraDeployment deployment, int apiVersion, Duration metadataTtl) {
        if (apiVersion != 0 && apiVersion != 2 && apiVersion != 3) {
            throw new JiraInvalidInputException("apiVersion must be auto, 2 or 3, was " + apiVersion);
        }
        if (deployment == JiraDeployment.SERVER && apiVersion == 3) {
            throw new JiraInvalidInputException("apiVersion=3 is only available on Jira Cloud; Data Center / Server speaks REST v2");
        }
        this.client = client;
        this.configuredDeployment = deployment;
        this.configuredVersion = apiVersion;
        this.cache = new MetadataCache(metadataTtl, client.config().clock());
        if (deployment != JiraDeployment.AUTO) {
            this.deployment = deployment;
        }
    }

    public JiraClient client() {
        return client;
    }

    public MetadataCache cache() {
        return cache;
    }

    /** The deployment, asking {@code /rest/api/2/serverInfo} once when configured as auto. */
    public JiraDeployment deployment() {
        JiraDeployment d = deployment;
        if (d == null) {
            synchronized (this) {
                if (deployment == null) {
                    JsonNode info = serverInfo();
                    String type = info.path("deploymentType").asText("");
                    deployment = "Cloud".equalsIgnoreCase(type) ? JiraDeployment.CLOUD : JiraDeployment.SERVER;
                }
                d = deployment;
            }
        }
        return d;
    }

    /** {@code GET /rest/api/2/serverInfo}, cached for the life of the endpoint. */
    public JsonNode serverInfo() {
        JsonNode info = serverInfo;
        if (info == null) {
            info = client.json(JiraRequest.get("/rest/api/2/serverInfo").subject("serverInfo"));
            serverInfo = info;
        }
        return info;
    }

    public boolean isCloud() {
        return deployment() == JiraDeployment.CLOUD;
    }

    /** The REST version in use: configured, else 3 on Cloud and 2 on Server. */
    public int apiVersion() {
        if (configuredVersion != 0) {
            if (configuredVersion == 3 && deployment() == JiraDeployment.SERVER) {
                // checked on every call, not only when detecting: each message must fail clearly, none may reach /rest/api/3
                throw new JiraInvalidInputException("apiVersion=3 was configured, but " + client.config().baseUrl() + " is Jira "
                        + serverInfo().path("deploymentType").asText("Data Center / Server")
                        + ", which speaks REST v2 only: use apiVersion=auto or 2");
            }
            return configuredVersion;
        }
        return isCloud() ? 3 : 2;
    }

    /** {@code /rest/api/{version}} + path. */
    public String api(String path) {
        return "/rest/api/" + apiVersion() + path;
    }

    /** Path-segment encoding (issue keys, property keys, names). */
    public static String seg(String value) {
        return JiraClient.encode(value);
    }

    /** Rich text for the current API version: ADF for v3, a wiki string for v2. A JSON ADF doc passes through. */
    public JsonNode richText(Object text) {
        if (text == null) {
            return null;
        }
        if (text instanceof JsonNode node) {
            if (RichText.isAdf(node)) {
                if (apiVersion() == 3) {
                    return node;
                }
                return TextNode.valueOf(RichText.toPlainText(node));
            }
            if (node.isTextual()) {
                return richText(node.asText());
            }
            return node;
        }
        String s = text.toString();
        return apiVersion() == 3 ? RichText.toAdf(s) : TextNode.valueOf(RichText.toWiki(s));
    }

    /**
     * A user reference for request bodies: {@code {"accountId":...}} on Cloud, {@code {"name":...}} on Server. A value
     * containing '@' is looked up by e-mail first (cached), so routes can address users by e-mail on both.
     */
    public ObjectNode userRef(String user) {
        ObjectNode n = client.newObject();
        String id = userId(user);
        n.put(isCloud() ? "accountId" : "name", id);
        return n;
    }

    /** accountId (Cloud) or user name (Server) for an id, name or e-mail. */
    public String userId(String user) {
        if (user == null || user.isBlank()) {
            throw new JiraInvalidInputException("a user must be given as accountId (Cloud), user name (Data Center) or e-mail");
        }
        if (!user.contains("@")) {
            return user;
        }
        return cache.get("user:" + user.toLowerCase(Locale.ROOT), () -> {
            JsonNode found = isCloud()
                    ? client.json(JiraRequest.get(api("/user/search")).query("query", user).subject("user " + user))
                    : client.json(JiraRequest.get(api("/user/search")).query("username", user).subject("user " + user));
            for (JsonNode u : found) {
                if (user.equalsIgnoreCase(u.path("emailAddress").asText())) {
                    return isCloud() ? u.path("accountId").asText() : u.path("name").asText();
                }
            }
            if (found.size() == 1) {
                return isCloud() ? found.get(0).path("accountId").asText() : found.get(0).path("name").asText();
            }
            throw new JiraInvalidInputException("no Jira user with e-mail '" + user + "' is visible to the integration user");
        });
    }

    /** All fields ({@code GET /field}), cached. */
    public List<JsonNode> fields() {
        return cache.get("fields", () -> {
            List<JsonNode> list = new ArrayList<>();
            client.json(JiraRequest.get(api("/field")).subject("fields")).forEach(list::add);
            return List.copyOf(list);
        });
    }

    /**
     * Resolves a field given by id ({@code customfield_10016}, {@code summary}), key, or display name
     * ("Story Points", case-insensitive) to its id through the cached field list.
     */
    public Optional<String> fieldId(String idOrName) {
        if (idOrName == null) {
            return Optional.empty();
        }
        List<JsonNode> all = fields();
        for (JsonNode f : all) {
            if (idOrName.equals(f.path("id").asText()) || idOrName.equals(f.path("key").asText())) {
                return Optional.of(f.path("id").asText());
            }
        }
        JsonNode match = null;
        for (JsonNode f : all) {
            if (idOrName.equalsIgnoreCase(f.path("name").asText())) {
                if (match != null) {
                    throw new JiraInvalidInputException("field name '" + idOrName + "' is ambiguous: it matches "
                            + match.path("id").asText() + " and " + f.path("id").asText() + "; use the field id");
                }
                match = f;
            }
        }
        return Optional.ofNullable(match).map(f -> f.path("id").asText());
    }

    /** The field's schema ({@code schema.type}, {@code schema.custom}), or a missing node. */
    public JsonNode fieldSchema(String id) {
        for (JsonNode f : fields()) {
            if (id.equals(f.path("id").asText())) {
                return f.path("schema");
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    @Override
    public void close() {
        client.close();
    }
}
