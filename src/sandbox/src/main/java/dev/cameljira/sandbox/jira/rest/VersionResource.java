package dev.cameljira.sandbox.jira.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.jira.JiraContext;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.model.Project;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.model.Version;
import dev.cameljira.sandbox.jira.render.VersionViews;
import dev.cameljira.sandbox.jira.render.View;
import dev.cameljira.sandbox.jira.store.JiraStore;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Project versions: {@code GET /project/{key}/versions} (all, in project order), {@code GET /project/{key}/version}
 * (paged, filtered, ordered), {@code POST /version}, {@code GET/PUT /version/{id}} and, on Cloud only,
 * {@code DELETE /version/{id}} (release = PUT with
 * {@code released:true} and a {@code releaseDate}), {@code POST /version/{id}/move} and
 * {@code POST /version/{id}/removeAndSwap}, firing {@code jira:version_created / _updated / _released /
 * _unreleased / _moved / _deleted}. Creating and changing versions takes a Jira administrator, as project
 * administration does.
 */
public final class VersionResource {

    private static final String NO_PERMISSION = "You do not have permission to edit versions of this project.";
    private static final DateTimeFormatter USER_DATE = DateTimeFormatter.ofPattern("d/MMM/yy", Locale.ENGLISH);

    private final JiraContext ctx;
    private final JiraStore store;

    public VersionResource(JiraContext ctx) {
        this.ctx = ctx;
        this.store = ctx.store();
    }

    public void register(Router router) {
        router.add("GET", Paths.API + "/project/{key}/versions", this::list);
        router.add("GET", Paths.API + "/project/{key}/version", this::page);
        router.add("POST", Paths.API + "/version", this::create);
        router.add("GET", Paths.API + "/version/{id}", this::get);
        router.add("PUT", Paths.API + "/version/{id}", this::update);
        if (store.cloud()) {
            // deprecated on Cloud; not an operation of the Data Center 10.3 document (removeAndSwap is)
            router.add("DELETE", Paths.API + "/version/{id}", this::delete);
        }
        router.add("GET", Paths.API + "/version/{id}/relatedIssueCounts", this::relatedIssueCounts);
        router.add("GET", Paths.API + "/version/{id}/unresolvedIssueCount", this::unresolvedIssueCount);
        router.add("POST", Paths.API + "/version/{id}/move", this::move);
        router.add("POST", Paths.API + "/version/{id}/removeAndSwap", this::removeAndSwap);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(store.now(), store.zone());
    }

    private ObjectNode view(Version v, View view) {
        return VersionViews.version(v, view, today());
    }

    /** Every version of a project as JSON, in project order (also what {@code GET /project/{key}} embeds). */
    public ArrayNode versions(Project p, View view) {
        ArrayNode arr = Json.array();
        p.versions().forEach(v -> arr.add(view(v, view)));
        return arr;
    }

    // ---- reads -----------------------------------------------------------------------------------------------

    private ApiResponse list(ApiRequest req) {
        return store.read(() -> ApiResponse.ok(versions(store.requireProject(req.param("key")), req.view())));
    }

    private ApiResponse page(ApiRequest req) {
        int startAt = Paging.startAt(req);
        int max = Paging.maxResults(req, 50, 50);
        String query = req.query("query");
        Set<String> statuses = req.queryAll("status").stream().flatMap(s -> Arrays.stream(s.split(",")))
                .map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        for (String s : statuses) {
            if (!Set.of("released", "unreleased", "archived").contains(s)) {
                throw ApiException.of(400, "Invalid status '" + s + "': use released, unreleased or archived.");
            }
        }
        Comparator<Version> order = order(req.query("orderBy"));
        return store.read(() -> {
            Project p = store.requireProject(req.param("key"));
            List<Version> matches = p.versions().stream()
                    .filter(v -> query == null || query.isBlank() || Paging.containsIgnoringCase(v.name(), query)
                            || Paging.containsIgnoringCase(v.description(), query))
                    .filter(v -> statuses.isEmpty() || statuses.contains(status(v)))
                    .sorted(order)
                    .toList();
            String base = req.view().api() + "/project/" + p.key() + "/version?maxResults=" + max;
            ObjectNode n = Paging.page(base + "&", Paging.linkParameters(req, "query", "orderBy"), true, matches, startAt, max, v -> view(v, req.view()));
            return ApiResponse.ok(n);
        });
    }

    private static String status(Version v) {
        return v.archived() ? "archived" : v.released() ? "released" : "unreleased";
    }

    /** {@code orderBy}: sequence (default), name, releaseDate, startDate, description; a leading {@code -} reverses. */
    private static Comparator<Version> order(String orderBy) {
        if (orderBy == null || orderBy.isBlank()) {
            return (a, b) -> 0; // the project's order (the stream sort is stable)
        }
        boolean desc = orderBy.startsWith("-");
        String field = orderBy.replaceFirst("^[+-]", "");
        Comparator<Version> c = switch (field) {
            case "sequence" -> (a, b) -> 0;
            case "name" -> Comparator.comparing(v -> v.name().toLowerCase(Locale.ROOT));
            case "releaseDate" -> Comparator.comparing(Version::releaseDate, dates(desc));
            case "startDate" -> Comparator.comparing(Version::startDate, dates(desc));
            case "description" -> Comparator.comparing(v -> v.description() == null ? "" : v.description());
            default -> throw ApiException.of(400, "Invalid orderBy '" + orderBy
                    + "': use sequence, name, releaseDate, startDate or description, optionally prefixed with + or -.");
        };
        return desc && !field.endsWith("Date") ? c.reversed() : c;
    }

    /** Dates in either direction, versions without one last. */
    private static Comparator<LocalDate> dates(boolean desc) {
        Comparator<LocalDate> natural = Comparator.naturalOrder();
        return Comparator.nullsLast(desc ? natural.reversed() : natural);
    }

    private ApiResponse get(ApiRequest req) {
        return store.read(() -> ApiResponse.ok(view(store.requireVersion(req.param("id")), req.view())));
    }

    /**
     * {@code GET version/{id}/relatedIssueCounts}: how many issues have the version as fix and as affected version
     * (no custom field takes versions here: 0 and an empty list, named {@code customFieldUsage} on Cloud and
     * {@code customFieldNames} on Data Center).
     */
    private ApiResponse relatedIssueCounts(ApiRequest req) {
        return store.read(() -> {
            Version v = store.requireVersion(req.param("id"));
            long fixed = store.issues().stream().filter(i -> i.fixVersions().stream().anyMatch(x -> x.id() == v.id()))
                    .count();
            long affected = store.issues().stream()
                    .filter(i -> i.affectsVersions().stream().anyMatch(x -> x.id() == v.id())).count();
            ObjectNode n = Json.object();
            n.put("self", req.view().api() + "/version/" + v.id());
            n.put("issuesFixedCount", fixed);
            n.put("issuesAffectedCount", affected);
            n.put("issueCountWithCustomFieldsShowingVersion", 0);
            n.putArray(req.view().cloud() ? "customFieldUsage" : "customFieldNames");
            return ApiResponse.ok(n);
        });
    }

    /**
     * {@code GET version/{id}/unresolvedIssueCount}: the issues fixed in the version that are not resolved
     * ({@code issuesUnresolvedCount}; Cloud adds {@code issuesCount}, all issues fixed in it).
     */
    private ApiResponse unresolvedIssueCount(ApiRequest req) {
        return store.read(() -> {
            Version v = store.requireVersion(req.param("id"));
            List<Issue> fixed = store.issues().stream()
                    .filter(i -> i.fixVersions().stream().anyMatch(x -> x.id() == v.id())).toList();
            ObjectNode n = Json.object();
            n.put("self", req.view().api() + "/version/" + v.id());
            if (req.view().cloud()) {
                n.put("issuesCount", fixed.size());
            }
            n.put("issuesUnresolvedCount", fixed.stream().filter(i -> i.resolution() == null).count());
            return ApiResponse.ok(n);
        });
    }

    // ---- writes ----------------------------------------------------------------------------------------------

    private ApiResponse create(ApiRequest req) {
        User actor = req.requireAdmin(NO_PERMISSION);
        JsonNode body = req.json();
        return store.write(() -> {
            Map<String, String> errors = new LinkedHashMap<>();
            Project project = project(body, errors);
            String name = Json.text(body, "name");
            if (name == null || name.isBlank()) {
                errors.put("name", "You must specify a valid version name");
            } else if (name.length() > 255) {
                errors.put("name", "The version name must not be longer than 255 characters.");
            } else if (project != null && project.versions().stream().anyMatch(v -> v.name().equalsIgnoreCase(name.trim()))) {
                errors.put("name", "A version with this name already exists in this project.");
            }
            LocalDate release = date(body, "releaseDate", "userReleaseDate", errors);
            LocalDate start = date(body, "startDate", "userStartDate", errors);
            if (!errors.isEmpty()) {
                throw ApiException.fields(errors);
            }
            Version v = new Version(store.nextVersionId(), project.id(), name.trim());
            v.description(Json.text(body, "description"));
            v.releaseDate(release);
            v.startDate(start);
            v.released(body.path("released").asBoolean(false));
            v.archived(body.path("archived").asBoolean(false));
            project.versions().add(v);
            publish("jira:version_created", v);
            return ApiResponse.created(view(v, req.view()));
        });
    }

    /** {@code projectId} (number or string) or {@code project} (key), as Jira takes either. */
    private Project project(JsonNode body, Map<String, String> errors) {
        String ref = Json.text(body, "projectId");
        if (ref == null) {
            ref = Json.text(body, "project");
        }
        if (ref == null) {
            errors.put("project", "Project must be specified to create a version.");
            return null;
        }
        Project p = store.project(ref).orElse(null);
        if (p == null) {
            errors.put("project", "Project with key or id '" + ref + "' does not exist.");
        }
        return p;
    }

    private ApiResponse update(ApiRequest req) {
        req.requireAdmin(NO_PERMISSION);
        JsonNode body = req.json();
        return store.write(() -> {
            Version v = store.requireVersion(req.param("id"));
            Project project = store.requireProject(String.valueOf(v.projectId()));
            Map<String, String> errors = new LinkedHashMap<>();
            String name = Json.text(body, "name");
            if (body.has("name") && (name == null || name.isBlank())) {
                errors.put("name", "You must specify a valid version name");
            } else if (name != null && project.versions().stream()
                    .anyMatch(o -> o != v && o.name().equalsIgnoreCase(name.trim()))) {
                errors.put("name", "A version with this name already exists in this project.");
            }
            LocalDate release = date(body, "releaseDate", "userReleaseDate", errors);
            LocalDate start = date(body, "startDate", "userStartDate", errors);
            Version moveTo = null;
            String moveUnfixed = Json.text(body, "moveUnfixedIssuesTo");
            if (moveUnfixed != null) {
                moveTo = versionByUrl(moveUnfixed, project, "moveUnfixedIssuesTo", errors);
            }
            if (!errors.isEmpty()) {
                throw ApiException.fields(errors);
            }
            boolean wasReleased = v.released();
            boolean changed = false;
            if (name != null && !name.trim().equals(v.name())) {
                v.name(name.trim());
                changed = true;
            }
            if (body.has("description")) {
                changed |= !java.util.Objects.equals(v.description(), Json.text(body, "description"));
                v.description(Json.text(body, "description"));
            }
            if (body.has("releaseDate") || body.has("userReleaseDate")) {
                changed |= !java.util.Objects.equals(v.releaseDate(), release);
                v.releaseDate(release);
            }
            if (body.has("startDate") || body.has("userStartDate")) {
                changed |= !java.util.Objects.equals(v.startDate(), start);
                v.startDate(start);
            }
            if (body.has("archived") && body.get("archived").asBoolean() != v.archived()) {
                v.archived(body.get("archived").asBoolean());
                changed = true;
            }
            if (body.has("released")) {
                v.released(body.get("released").asBoolean());
            }
            if (!wasReleased && v.released()) {
                if (v.releaseDate() == null) {
                    v.releaseDate(today()); // releasing without a date releases today, as Jira does
                }
                if (moveTo != null) {
                    moveUnresolvedIssues(v, moveTo);
                }
                publish("jira:version_released", v);
            } else if (wasReleased && !v.released()) {
                publish("jira:version_unreleased", v);
            }
            if (changed) {
                publish("jira:version_updated", v);
            }
            return ApiResponse.ok(view(v, req.view()));
        });
    }

    /** Moves the unresolved issues fixed in {@code from} to {@code to} (releasing with {@code moveUnfixedIssuesTo}). */
    private void moveUnresolvedIssues(Version from, Version to) {
        for (Issue issue : store.issues()) {
            if (issue.resolution() == null && issue.fixVersions().contains(from)) {
                List<Version> next = new ArrayList<>(issue.fixVersions());
                next.replaceAll(x -> x == from ? to : x);
                issue.fixVersions(next.stream().distinct().toList());
            }
        }
    }

    private ApiResponse delete(ApiRequest req) {
        req.requireAdmin(NO_PERMISSION);
        String fix = req.query("moveFixIssuesTo");
        String affected = req.query("moveAffectedIssuesTo");
        return store.write(() -> {
            remove(store.requireVersion(req.param("id")), fix, affected);
            return ApiResponse.noContent();
        });
    }

    private ApiResponse removeAndSwap(ApiRequest req) {
        req.requireAdmin(NO_PERMISSION);
        JsonNode body = req.jsonOrEmpty();
        return store.write(() -> {
            remove(store.requireVersion(req.param("id")), Json.text(body, "moveFixIssuesTo"), Json.text(body, "moveAffectedIssuesTo"));
            return ApiResponse.noContent();
        });
    }

    /** Deletes a version: issues that had it get the replacement (an id), or lose it. */
    private void remove(Version v, String fixReplacement, String affectedReplacement) {
        Project project = store.requireProject(String.valueOf(v.projectId()));
        Map<String, String> errors = new LinkedHashMap<>();
        Version fixTo = replacement(fixReplacement, v, project, "moveFixIssuesTo", errors);
        Version affectedTo = replacement(affectedReplacement, v, project, "moveAffectedIssuesTo", errors);
        if (!errors.isEmpty()) {
            throw ApiException.fields(errors);
        }
        for (Issue issue : store.issues()) {
            if (issue.fixVersions().contains(v)) {
                issue.fixVersions(swap(issue.fixVersions(), v, fixTo));
            }
            if (issue.affectsVersions().contains(v)) {
                issue.affectsVersions(swap(issue.affectsVersions(), v, affectedTo));
            }
        }
        project.versions().remove(v);
        publish("jira:version_deleted", v);
    }

    private Version replacement(String ref, Version deleted, Project project, String field, Map<String, String> errors) {
        if (ref == null || ref.isBlank()) {
            return null;
        }
        String id = ref.contains("/") ? ref.substring(ref.lastIndexOf('/') + 1) : ref;
        Version to = project.versions().stream().filter(x -> String.valueOf(x.id()).equals(id)).findFirst().orElse(null);
        if (to == null || to == deleted) {
            errors.put(field, "The version with id '" + id + "' is not a valid replacement in this project.");
        }
        return to;
    }

    private static List<Version> swap(List<Version> versions, Version from, Version to) {
        List<Version> next = new ArrayList<>();
        for (Version x : versions) {
            Version y = x == from ? to : x;
            if (y != null && !next.contains(y)) {
                next.add(y);
            }
        }
        return next;
    }

    /** {@code {"position":"First|Last|Earlier|Later"}} or {@code {"after":"<version self URL>"}}. */
    private ApiResponse move(ApiRequest req) {
        req.requireAdmin(NO_PERMISSION);
        JsonNode body = req.json();
        return store.write(() -> {
            Version v = store.requireVersion(req.param("id"));
            Project project = store.requireProject(String.valueOf(v.projectId()));
            List<Version> list = project.versions();
            int index = list.indexOf(v);
            String position = Json.text(body, "position");
            String after = Json.text(body, "after");
            int target;
            if (after != null) {
                Map<String, String> errors = new LinkedHashMap<>();
                Version anchor = versionByUrl(after, project, "after", errors);
                if (!errors.isEmpty()) {
                    throw ApiException.fields(errors);
                }
                list.remove(v);
                target = list.indexOf(anchor) + 1;
            } else if (position != null) {
                list.remove(v);
                target = switch (position) {
                    case "First" -> 0;
                    case "Last" -> list.size();
                    case "Earlier" -> Math.max(0, index - 1);
                    case "Later" -> Math.min(list.size(), index + 1);
                    default -> {
                        list.add(index, v);
                        throw ApiException.field("position", "Invalid position '" + position
                                + "': use First, Last, Earlier or Later.");
                    }
                };
            } else {
                throw ApiException.of(400, "Specify either 'position' or 'after'.");
            }
            list.add(target, v);
            publish("jira:version_moved", v);
            return ApiResponse.ok(view(v, req.view()));
        });
    }

    private Version versionByUrl(String url, Project project, String field, Map<String, String> errors) {
        String id = url.substring(url.lastIndexOf('/') + 1);
        Version found = project.versions().stream().filter(x -> String.valueOf(x.id()).equals(id)).findFirst().orElse(null);
        if (found == null) {
            errors.put(field, "The version '" + url + "' does not exist in this project.");
        }
        return found;
    }

    private void publish(String event, Version v) {
        View webhookView = new View(store.baseUrl(), 2, store.cloud());
        ctx.events().publish(event, null, () -> {
            ObjectNode n = Json.object();
            n.put("timestamp", store.now().toEpochMilli());
            n.put("webhookEvent", event);
            n.set("version", VersionViews.version(v, webhookView, today()));
            return n;
        });
    }

    // ---- parsing ---------------------------------------------------------------------------------------------

    /** A date from {@code yyyy-MM-dd} ({@code field}) or Jira's user format {@code 28/Nov/26} ({@code userField}). */
    private static LocalDate date(JsonNode body, String field, String userField, Map<String, String> errors) {
        String iso = Json.text(body, field);
        String user = Json.text(body, userField);
        try {
            if (iso != null && !iso.isBlank()) {
                return LocalDate.parse(iso.length() > 10 ? iso.substring(0, 10) : iso);
            }
            if (user != null && !user.isBlank()) {
                return LocalDate.parse(user, USER_DATE);
            }
        } catch (DateTimeParseException e) {
            errors.put(iso != null ? field : userField, "The date '" + (iso != null ? iso : user)
                    + "' is not valid: use yyyy-MM-dd (" + field + ") or d/MMM/yy (" + userField + ").");
        }
        return null;
    }
}
