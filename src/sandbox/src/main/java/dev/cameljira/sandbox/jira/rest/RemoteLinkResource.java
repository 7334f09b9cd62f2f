package dev.cameljira.sandbox.jira.rest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.model.RemoteLink;
import dev.cameljira.sandbox.jira.render.View;
import dev.cameljira.sandbox.jira.store.JiraStore;

/**
 * Remote issue links: {@code /issue/{key}/remotelink[/{linkId}]}.
 *
 * <ul>
 *   <li>{@code GET remotelink}: every link of the issue as an array; with {@code ?globalId=} the one link with that
 *       global id as an object (404 when there is none), as Jira does.</li>
 *   <li>{@code POST remotelink}: creates a link (201), or, when the body's {@code globalId} is that of a link already on
 *       the issue, replaces that link's fields (200). Both answer {@code {"id", "self"}}.</li>
 *   <li>{@code GET|PUT|DELETE remotelink/{linkId}} (PUT replaces every field: 204) and {@code DELETE remotelink?globalId=}
 *       (204).</li>
 * </ul>
 *
 * <p>Validation like Jira's: {@code object.url} and {@code object.title} are required (400 naming {@code url} /
 * {@code title}), {@code object.url} must be an absolute URL and {@code globalId} at most 255 characters. A link id that
 * is not a number, or the id of another issue's link, is a 400. Remote links fire no webhook and add no change history.
 */
public final class RemoteLinkResource {

    /** Jira's limit for a global id. */
    static final int MAX_GLOBAL_ID = 255;

    private final JiraStore store;

    public RemoteLinkResource(JiraStore store) {
        this.store = store;
    }

    public void register(Router router) {
        router.add("GET", Paths.API + "/issue/{key}/remotelink", this::list);
        router.add("POST", Paths.API + "/issue/{key}/remotelink", this::createOrUpdate);
        router.add("DELETE", Paths.API + "/issue/{key}/remotelink", this::deleteByGlobalId);
        router.add("GET", Paths.API + "/issue/{key}/remotelink/{linkId}", this::get);
        router.add("PUT", Paths.API + "/issue/{key}/remotelink/{linkId}", this::update);
        router.add("DELETE", Paths.API + "/issue/{key}/remotelink/{linkId}", this::delete);
    }

    private ApiResponse list(ApiRequest req) {
        String globalId = req.query("globalId");
        return store.read(() -> {
            Issue issue = store.requireIssue(req.param("key"));
            if (globalId != null) {
                RemoteLink link = byGlobalId(issue, globalId).orElseThrow(() -> noGlobalId(issue, globalId));
                return ApiResponse.ok(render(issue, link, req.view()));
            }
            ArrayNode all = Json.array();
            issue.remoteLinks().forEach(l -> all.add(render(issue, l, req.view())));
            return ApiResponse.ok(all);
        });
    }

    private ApiResponse createOrUpdate(ApiRequest req) {
        ObjectNode content = content(req.json());
        return store.write(() -> {
            Issue issue = store.requireIssue(req.param("key"));
            String globalId = content.hasNonNull("globalId") ? content.get("globalId").asText() : null;
            Optional<RemoteLink> existing = globalId == null ? Optional.empty() : byGlobalId(issue, globalId);
            RemoteLink link;
            if (existing.isPresent()) {
                link = existing.get().withContent(content);
                issue.remoteLinks().set(issue.remoteLinks().indexOf(existing.get()), link);
            } else {
                link = new RemoteLink(store.nextRemoteLinkId(), issue.id(), content);
                issue.remoteLinks().add(link);
            }
            ObjectNode ref = Json.object();
            ref.put("id", link.id());
            ref.put("self", self(issue, link, req.view()));
            return ApiResponse.json(existing.isPresent() ? 200 : 201, ref);
        });
    }

    private ApiResponse get(ApiRequest req) {
        return store.read(() -> {
            Issue issue = store.requireIssue(req.param("key"));
            return ApiResponse.ok(render(issue, find(issue, req.param("linkId")), req.view()));
        });
    }

    private ApiResponse update(ApiRequest req) {
        ObjectNode content = content(req.json());
        return store.write(() -> {
            Issue issue = store.requireIssue(req.param("key"));
            RemoteLink link = find(issue, req.param("linkId"));
            String globalId = content.hasNonNull("globalId") ? content.get("globalId").asText() : null;
            if (globalId != null && byGlobalId(issue, globalId).filter(other -> other.id() != link.id()).isPresent()) {
                throw ApiException.field("globalId", "A remote issue link with global id '" + globalId
                        + "' already exists on this issue.");
            }
            issue.remoteLinks().set(issue.remoteLinks().indexOf(link), link.withContent(content));
            return ApiResponse.noContent();
        });
    }

    private ApiResponse delete(ApiRequest req) {
        return store.write(() -> {
            Issue issue = store.requireIssue(req.param("key"));
            issue.remoteLinks().remove(find(issue, req.param("linkId")));
            return ApiResponse.noContent();
        });
    }

    private ApiResponse deleteByGlobalId(ApiRequest req) {
        String globalId = req.query("globalId");
        if (globalId == null || globalId.isEmpty()) {
            throw ApiException.of(400, "The global id of the remote issue link to delete must be given (query parameter "
                    + "globalId).");
        }
        return store.write(() -> {
            Issue issue = store.requireIssue(req.param("key"));
            RemoteLink link = byGlobalId(issue, globalId).orElseThrow(() -> noGlobalId(issue, globalId));
            issue.remoteLinks().remove(link);
            return ApiResponse.noContent();
        });
    }

    // ---- look-ups ----------------------------------------------------------------------------------------------

    private static Optional<RemoteLink> byGlobalId(Issue issue, String globalId) {
        return issue.remoteLinks().stream().filter(l -> globalId.equals(l.globalId())).findFirst();
    }

    /** A link of this issue by id: 400 for a non-number or another issue's link, 404 for an unknown id. */
    private RemoteLink find(Issue issue, String linkId) {
        long id;
        try {
            id = Long.parseLong(linkId);
        } catch (NumberFormatException e) {
            throw ApiException.of(400, "The remote issue link id '" + linkId + "' is not a valid number.");
        }
        for (RemoteLink l : issue.remoteLinks()) {
            if (l.id() == id) {
                return l;
            }
        }
        for (Issue other : store.issues()) {
            if (other != issue && other.remoteLinks().stream().anyMatch(l -> l.id() == id)) {
                throw ApiException.of(400, "The remote issue link with id " + id + " does not belong to issue "
                        + issue.key() + ".");
            }
        }
        throw ApiException.of(404, "No remote issue link with id " + id + " exists.");
    }

    private static ApiException noGlobalId(Issue issue, String globalId) {
        return ApiException.of(404, "No remote issue link with global id '" + globalId + "' exists on issue "
                + issue.key() + ".");
    }

    // ---- request and response shapes ---------------------------------------------------------------------------

    /**
     * The stored content of a create/update body: Jira's fields only, values as text (resolved as boolean); 400 naming
     * each field that is missing or invalid.
     */
    static ObjectNode content(JsonNode body) {
        if (!body.isObject()) {
            throw ApiException.of(400, "The remote issue link must be a JSON object.");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        JsonNode object = body.path("object");
        String url = text(object, "url");
        String title = text(object, "title");
        if (url == null || url.isBlank()) {
            errors.put("url", "'url' is required.");
        } else if (!absoluteUrl(url)) {
            errors.put("url", "'url' is not a valid URL.");
        }
        if (title == null || title.isBlank()) {
            errors.put("title", "'title' is required.");
        }
        String globalId = text(body, "globalId");
        if (globalId != null && globalId.length() > MAX_GLOBAL_ID) {
            errors.put("globalId", "'globalId' must not be longer than " + MAX_GLOBAL_ID + " characters.");
        }
        if (!errors.isEmpty()) {
            throw ApiException.fields(errors);
        }
        ObjectNode c = Json.object();
        putText(c, "globalId", globalId);
        ObjectNode application = Json.object();
        putText(application, "type", text(body.path("application"), "type"));
        putText(application, "name", text(body.path("application"), "name"));
        c.set("application", application);
        putText(c, "relationship", text(body, "relationship"));
        ObjectNode o = c.putObject("object");
        o.put("url", url);
        o.put("title", title);
        putText(o, "summary", text(object, "summary"));
        o.set("icon", icon(object.path("icon")));
        ObjectNode status = o.putObject("status");
        JsonNode resolved = object.path("status").path("resolved");
        if (resolved.isBoolean() || resolved.isTextual()) {
            status.put("resolved", resolved.isBoolean() ? resolved.asBoolean() : Boolean.parseBoolean(resolved.asText()));
        }
        status.set("icon", icon(object.path("status").path("icon")));
        return c;
    }

    private static ObjectNode icon(JsonNode given) {
        ObjectNode icon = Json.object();
        for (String field : List.of("url16x16", "title", "link")) {
            putText(icon, field, text(given, field));
        }
        return icon;
    }

    /** A link as Jira renders it: id, self, then the stored fields (Jira writes empty icon/status/application objects). */
    static ObjectNode render(Issue issue, RemoteLink link, View view) {
        ObjectNode n = Json.object();
        n.put("id", link.id());
        n.put("self", self(issue, link, view));
        n.setAll(link.content().deepCopy());
        return n;
    }

    private static String self(Issue issue, RemoteLink link, View view) {
        return view.api() + "/issue/" + issue.key() + "/remotelink/" + link.id();
    }

    private static String text(JsonNode parent, String field) {
        JsonNode v = parent == null ? null : parent.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static void putText(ObjectNode target, String field, String value) {
        if (value != null) {
            target.put(field, value);
        }
    }

    private static boolean absoluteUrl(String url) {
        try {
            URI uri = new URI(url.trim());
            return uri.isAbsolute() && uri.getScheme() != null && !uri.getSchemeSpecificPart().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
