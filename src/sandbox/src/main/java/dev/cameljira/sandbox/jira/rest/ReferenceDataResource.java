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
import dev.cameljira.sandbox.jira.model.Resolution;
import dev.cameljira.sandbox.jira.model.Status;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.search.SearchService;
import dev.cameljira.sandbox.jira.store.Catalog;
import dev.cameljira.sandbox.jira.store.JiraStore;
import dev.cameljira.sandbox.jql.JqlReference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reference data and settings: Data Center's paged {@code priority/page}, {@code status/page}, {@code issuetype/page},
 * {@code resolution/page}; Cloud's {@code statuses/search}; {@code application-properties};
 * {@code jql/autocompletedata}, {@code jql/autocompletedata/suggestions} and Cloud's {@code jql/parse} and
 * {@code jql/match}; Cloud's {@code statuses} (by id), {@code resolution/search}, {@code configuration/timetracking}
 * and {@code mypreferences/locale}; {@code GET|PUT|DELETE mypreferences?key=}.
 */
public final class ReferenceDataResource {

    private static final String NOT_ADMIN = "You are not authorized to perform this action. Administrator privileges are required.";

    /** The application properties the sandbox reports: key, value, type, description. */
    private static final List<String[]> PROPERTIES = List.of(
            new String[] {"jira.title", "Jira Sandbox", "string", "The name of this Jira instance"},
            new String[] {"jira.clone.prefix", "CLONE -", "string", "The prefix of a cloned issue's summary"},
            new String[] {"jira.date.picker.java.format", "d/MMM/yy", "string", "Date picker format (Java)"},
            new String[] {"jira.date.time.picker.java.format", "dd/MMM/yy h:mm a", "string", "Date time picker format (Java)"},
            new String[] {"jira.issue.actions.order", "asc", "string", "Order of the issue's activity"},
            new String[] {"jira.lf.date.dmy", "dd/MMM/yy", "string", "Day/Month/Year format"},
            new String[] {"jira.option.voting", "true", "boolean", "Voting on issues"},
            new String[] {"jira.option.watching", "true", "boolean", "Watching issues"},
            new String[] {"jira.option.allowunassigned", "true", "boolean", "Unassigned issues allowed"},
            new String[] {"jira.timetracking.hours.per.day", "8", "number", "Working hours per day"},
            new String[] {"jira.timetracking.days.per.week", "5", "number", "Working days per week"});

    private final JiraContext ctx;
    private final JiraStore store;
    private final SearchService search;

    public ReferenceDataResource(JiraContext ctx, SearchService search) {
        this.ctx = ctx;
        this.store = ctx.store();
        this.search = search;
    }

    public void register(Router router) {
        router.add("GET", Paths.API + "/application-properties", this::applicationProperties);
        router.add("GET", Paths.API + "/jql/autocompletedata", this::autocompleteData);
        router.add("GET", Paths.API + "/jql/autocompletedata/suggestions", store.cloud(), this::suggestions);
        router.add("GET", Paths.API + "/mypreferences", this::preference);
        router.add("PUT", Paths.API + "/mypreferences", this::setPreference);
        router.add("DELETE", Paths.API + "/mypreferences", this::deletePreference);
        if (store.cloud()) {
            router.add("GET", Paths.API + "/statuses/search", this::statusSearch);
            router.add("GET", Paths.API + "/statuses", this::statuses);
            router.add("GET", Paths.API + "/resolution/search", this::resolutionSearch);
            router.add("POST", Paths.API + "/jql/match", this::match);
            router.add("POST", Paths.API + "/jql/parse", this::parse);
            router.add("GET", Paths.API + "/configuration/timetracking", this::timeTracking);
            router.add("GET", Paths.API + "/mypreferences/locale", this::locale);
            router.add("PUT", Paths.API + "/mypreferences/locale", this::setLocale);
        } else {
            router.add("GET", Paths.API + "/priority/page", req -> namedPage(req, "priority/page",
                    store.catalog().priorities(), p -> p.name(), p -> ctx.renderer().priorityDetails(p, req.view())));
            router.add("GET", Paths.API + "/status/page", req -> namedPage(req, "status/page",
                    store.catalog().statuses(), Status::name, s -> ctx.renderer().status(s, req.view())));
            router.add("GET", Paths.API + "/issuetype/page", req -> namedPage(req, "issuetype/page",
                    store.catalog().issueTypes(), t -> t.name(), t -> ctx.renderer().issueType(t, req.view())));
            router.add("GET", Paths.API + "/resolution/page", req -> namedPage(req, "resolution/page",
                    store.catalog().resolutions(), r -> r.name(), r -> ctx.renderer().resolution(r, req.view())));
        }
    }

    /** Data Center's paged look-ups: {@code startAt}, {@code maxResults} (100), {@code query} on the name. */
    private <T> ApiResponse namedPage(ApiRequest req, String resource, List<T> all, Function<T, String> name,
            Function<T, JsonNode> render) {
        req.requireUser();
        int startAt = Paging.startAt(req);
        int max = Paging.maxResults(req, 100, 100);
        String query = req.query("query");
        List<T> matches = all.stream()
                .filter(t -> query == null || query.isBlank() || Paging.containsIgnoringCase(name.apply(t), query))
                .toList();
        return ApiResponse.ok(Paging.page(req, resource, matches, startAt, max, render));
    }

    /**
     * Cloud {@code GET statuses/search}: statuses as {@code JiraStatus} ({@code statusCategory} TODO, IN_PROGRESS or
     * DONE, global scope), filtered by {@code searchString} and {@code statusCategory}; {@code maxResults} 200.
     */
    private ApiResponse statusSearch(ApiRequest req) {
        req.requireUser();
        int startAt = Paging.startAt(req);
        int max = Paging.maxResults(req, 200, 200);
        String text = req.query("searchString");
        String category = req.queryValue("statusCategory").map(c -> c.trim().toUpperCase(Locale.ROOT)).orElse(null);
        if (category != null && !List.of("TODO", "IN_PROGRESS", "DONE").contains(category)) {
            throw ApiException.field("statusCategory", "The status category '" + req.query("statusCategory")
                    + "' is not valid: use TODO, IN_PROGRESS or DONE.");
        }
        req.queryValue("projectId").ifPresent(id -> store.read(() -> store.requireProject(id.trim())));
        List<Status> matches = store.catalog().statuses().stream()
                .filter(s -> text == null || text.isBlank() || Paging.containsIgnoringCase(s.name(), text))
                .filter(s -> category == null || category.equals(category(s)))
                .toList();
        String before = req.view().api() + "/statuses/search?" ;
        String after = "&maxResults=" + max + Paging.linkParameters(req, "searchString", "statusCategory", "projectId");
        return ApiResponse.ok(Paging.page(before, after, true, matches, startAt, max, ReferenceDataResource::jiraStatus));
    }

    /** A status as Cloud's {@code statuses} operations answer it ({@code JiraStatus}, global scope). */
    private static ObjectNode jiraStatus(Status s) {
        ObjectNode n = Json.object();
        n.put("id", s.id());
        n.put("name", s.name());
        n.put("description", s.description() == null ? "" : s.description());
        n.put("statusCategory", category(s));
        n.putObject("scope").put("type", "GLOBAL");
        return n;
    }

    /**
     * Cloud {@code GET statuses?id=...} (1 to 50 ids, repeated or comma-separated): those statuses as {@code JiraStatus},
     * in the order asked; unknown ids are left out.
     */
    private ApiResponse statuses(ApiRequest req) {
        req.requireUser();
        List<String> ids = new ArrayList<>(Paging.expand(req.queryAll("id")));
        if (ids.isEmpty()) {
            throw ApiException.field("id", "The id parameter is required: at least one status id.");
        }
        if (ids.size() > 50) {
            throw ApiException.field("id", "At most 50 status ids can be requested at once.");
        }
        return store.read(() -> {
            ArrayNode arr = Json.array();
            for (String id : ids) {
                store.catalog().statuses().stream().filter(s -> s.id().equals(id)).findFirst()
                        .ifPresent(s -> arr.add(jiraStatus(s)));
            }
            return ApiResponse.ok(arr);
        });
    }

    /**
     * Cloud {@code GET resolution/search}: a page ({@code maxResults} 50) of the resolutions, narrowed to the
     * {@code id}s given and, with {@code onlyDefault=true}, to the default one (Done).
     */
    private ApiResponse resolutionSearch(ApiRequest req) {
        req.requireUser();
        int startAt = Paging.startAt(req);
        int max = Paging.maxResults(req, 50, 50);
        Set<String> ids = Paging.expand(req.queryAll("id"));
        boolean onlyDefault = req.boolQuery("onlyDefault", false);
        return store.read(() -> {
            List<Resolution> matches = store.catalog().resolutions().stream()
                    .filter(r -> ids.isEmpty() || ids.contains(r.id().toLowerCase(Locale.ROOT)))
                    .filter(r -> !onlyDefault || isDefault(r))
                    .toList();
            String before = req.view().api() + "/resolution/search?";
            String after = "&maxResults=" + max + Paging.linkParameters(req, "onlyDefault")
                    + ids.stream().map(id -> "&id=" + id).collect(Collectors.joining());
            return ApiResponse.ok(Paging.page(before, after, true, matches, startAt, max, r -> {
                ObjectNode n = Json.object();
                n.put("self", req.view().api() + "/resolution/" + r.id());
                n.put("id", r.id());
                n.put("description", r.description());
                n.put("name", r.name());
                n.put("default", isDefault(r));
                return n;
            }));
        });
    }

    /** The instance's default resolution: Done, as on a new Jira Cloud site. */
    private static boolean isDefault(Resolution r) {
        return r.id().equals(Catalog.RESOLUTION_DONE.id());
    }

    /**
     * Cloud {@code POST jql/match} {@code {"issueIds": [...], "jqls": [...]}}: for each query, in order, which of the
     * issues (in the order given, unknown ids never match) it returns for the caller, or its errors (a syntax error,
     * an unknown field or value) with no issues. Both lists are required; at most 1000 of each.
     */
    private ApiResponse match(ApiRequest req) {
        User user = req.requireUser();
        JsonNode body = req.json();
        JsonNode issueIds = body.path("issueIds");
        JsonNode jqls = body.path("jqls");
        if (!issueIds.isArray()) {
            throw ApiException.field("issueIds", "The issueIds list is required.");
        }
        if (!jqls.isArray()) {
            throw ApiException.field("jqls", "The jqls list is required.");
        }
        if (issueIds.size() > 1000) {
            throw ApiException.field("issueIds", "At most 1000 issue ids can be matched at once.");
        }
        if (jqls.size() > 1000) {
            throw ApiException.field("jqls", "At most 1000 JQL queries can be matched at once.");
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (JsonNode id : issueIds) {
            if (!id.isIntegralNumber() || !id.canConvertToLong()) {
                throw ApiException.field("issueIds", "The issue id '" + id.asText() + "' is not a number.");
            }
            ids.add(id.asLong());
        }
        for (JsonNode jql : jqls) {
            if (!jql.isTextual()) {
                throw ApiException.field("jqls", "A JQL query must be a string.");
            }
        }
        return store.read(() -> {
            ObjectNode n = Json.object();
            ArrayNode matches = n.putArray("matches");
            for (JsonNode jql : jqls) {
                ObjectNode m = matches.addObject();
                ArrayNode matched = m.putArray("matchedIssues");
                ArrayNode errors = m.putArray("errors");
                try {
                    SearchService.Prepared prepared = search.prepare(jql.asText(), SearchService.Validation.STRICT, false);
                    Set<Long> found = search.run(prepared, user).issues().stream().map(Issue::id)
                            .collect(Collectors.toSet());
                    ids.stream().filter(found::contains).forEach(matched::add);
                } catch (ApiException e) {
                    e.errorMessages().forEach(errors::add);
                    e.errors().values().forEach(errors::add);
                }
            }
            return ApiResponse.ok(n);
        });
    }

    /** At most this many JQL suggestions. */
    private static final int MAX_SUGGESTIONS = 15;

    /**
     * {@code GET jql/autocompletedata/suggestions?fieldName=&fieldValue=} (or {@code predicateName=by|from|to} and
     * {@code predicateValue=}): up to 15 values of the field whose name or a word of it starts with the text typed
     * (ignoring case), as {@code {results: [{value, displayName}]}} with the typed part of {@code displayName} in
     * {@code <b>}. Fields: project (value the name, displayed {@code Name (KEY)}), status, issuetype/type, priority,
     * resolution, component, fixVersion/affectedVersion, labels, and the user fields assignee, reporter, creator
     * (value the account id on Cloud, the user name on Data Center; none for anonymous callers); any other field has
     * no suggestions. No {@code fieldName}: a 400.
     */
    private ApiResponse suggestions(ApiRequest req) {
        String fieldName = req.queryValue("fieldName").map(String::trim).filter(f -> !f.isEmpty())
                .orElseThrow(() -> ApiException.field("fieldName", "The fieldName parameter is required."));
        String predicate = req.queryValue("predicateName").map(p -> p.trim().toLowerCase(Locale.ROOT)).orElse(null);
        if (predicate != null && !List.of("by", "from", "to").contains(predicate)) {
            throw ApiException.field("predicateName", "The predicate '" + req.query("predicateName")
                    + "' has no suggestions: use by, from or to.");
        }
        String typed = (predicate == null ? req.queryValue("fieldValue") : req.queryValue("predicateValue"))
                .map(String::trim).orElse("");
        String field = "by".equals(predicate) ? "assignee" : fieldName.toLowerCase(Locale.ROOT);
        User viewer = req.user();
        return store.read(() -> {
            List<String[]> values = new ArrayList<>(); // value, displayName (before highlighting), matched text
            switch (field) {
                case "project" -> store.projects().forEach(p -> values.add(new String[] {p.name(), p.name() + " (" + p.key() + ")"}));
                case "status" -> store.catalog().statuses().forEach(s -> values.add(new String[] {s.name(), s.name()}));
                case "issuetype", "type" -> store.catalog().issueTypes()
                        .forEach(t -> values.add(new String[] {t.name(), t.name()}));
                case "priority" -> store.catalog().priorities().forEach(p -> values.add(new String[] {p.name(), p.name()}));
                case "resolution" -> store.catalog().resolutions()
                        .forEach(r -> values.add(new String[] {r.name(), r.name()}));
                case "component" -> store.projects().stream().flatMap(p -> p.components().stream())
                        .map(c -> c.name()).distinct().sorted(String.CASE_INSENSITIVE_ORDER)
                        .forEach(c -> values.add(new String[] {c, c}));
                case "fixversion", "affectedversion" -> store.projects().stream()
                        .flatMap(p -> p.versions().stream()).map(v -> v.name()).distinct()
                        .forEach(v -> values.add(new String[] {v, v}));
                case "labels" -> store.issues().stream().flatMap(i -> i.labels().stream()).distinct()
                        .sorted().forEach(l -> values.add(new String[] {l, l}));
                case "assignee", "reporter", "creator" -> {
                    if (viewer != null) {
                        store.users().forEach(u -> values.add(store.cloud()
                                ? new String[] {u.accountId(), u.displayName()}
                                : new String[] {u.name(), u.displayName() + " - " + u.email() + " (" + u.name() + ")"}));
                    }
                }
                default -> {
                }
            }
            ObjectNode n = Json.object();
            ArrayNode results = n.putArray("results");
            for (String[] v : values) {
                if (results.size() < MAX_SUGGESTIONS && (typed.isEmpty() || wordStarts(v[1], typed))) {
                    results.addObject().put("value", v[0]).put("displayName", bold(v[1], typed));
                }
            }
            return ApiResponse.ok(n);
        });
    }

    private static Pattern wordStart(String typed) {
        return Pattern.compile("(^|[\\s@.(\\-_])(" + Pattern.quote(typed) + ")", Pattern.CASE_INSENSITIVE);
    }

    private static boolean wordStarts(String text, String typed) {
        return wordStart(typed).matcher(text).find();
    }

    /** {@code text} with every word prefix that is {@code typed} (ignoring case) in {@code <b>}. */
    private static String bold(String text, String typed) {
        return typed.isEmpty() ? text : wordStart(typed).matcher(text).replaceAll("$1<b>$2</b>");
    }

    private static String category(Status s) {
        return switch (s.category().key()) {
            case "new" -> "TODO";
            case "done" -> "DONE";
            default -> "IN_PROGRESS";
        };
    }

    /**
     * {@code GET application-properties} (administrators): the list of properties, or with {@code key} that one
     * (Data Center answers the single object, Cloud a list of one); an unknown key is a 404. {@code keyFilter} is a
     * regular expression on the keys.
     */
    /** The {@code keyFilter} regular expression, null when absent or blank; a 400 naming it when it does not compile. */
    private static Pattern keyFilter(ApiRequest req) {
        String filter = req.query("keyFilter");
        if (filter == null || filter.isBlank()) {
            return null;
        }
        try {
            return Pattern.compile(filter);
        } catch (PatternSyntaxException e) {
            throw ApiException.of(400, "The value '" + filter + "' of parameter 'keyFilter' is not a valid regular expression.");
        }
    }

    private ApiResponse applicationProperties(ApiRequest req) {
        req.requireAdmin(NOT_ADMIN);
        String key = req.query("key");
        Pattern filter = keyFilter(req);
        ArrayNode arr = Json.array();
        for (String[] p : PROPERTIES) {
            if ((key == null || key.equals(p[0])) && (filter == null || filter.matcher(p[0]).matches())) {
                ObjectNode n = arr.addObject();
                n.put("id", p[0]);
                n.put("key", p[0]);
                n.put("value", p[1]);
                n.put("name", p[0]);
                n.put("desc", p[3]);
                n.put("type", p[2]);
                n.put("defaultValue", p[1]);
            }
        }
        if (key != null) {
            if (arr.isEmpty()) {
                throw ApiException.of(404, "Property '" + key + "' does not exist.");
            }
            return ApiResponse.ok(req.view().cloud() ? arr : arr.get(0));
        }
        return ApiResponse.ok(arr);
    }

    /**
     * {@code GET jql/autocompletedata}: the fields a query can use (with their operators, whether they can be
     * ordered by, the custom ones with {@code cfid}), the functions and Jira's reserved words.
     */
    private ApiResponse autocompleteData(ApiRequest req) {
        req.requireUser();
        ObjectNode n = Json.object();
        ArrayNode fields = n.putArray("visibleFieldNames");
        for (JqlReference.FieldInfo f : JqlReference.fields(search.customFields())) {
            ObjectNode o = fields.addObject();
            o.put("value", f.value());
            o.put("displayName", f.displayName());
            o.put("orderable", String.valueOf(f.orderable()));
            o.put("searchable", "true");
            o.put("auto", "true");
            if (f.cfid() != null) {
                o.put("cfid", f.cfid());
            }
            ArrayNode ops = o.putArray("operators");
            f.operators().forEach(ops::add);
            o.putArray("types").add("java.lang.String");
        }
        ArrayNode functions = n.putArray("visibleFunctionNames");
        for (JqlReference.FunctionInfo f : JqlReference.functions()) {
            ObjectNode o = functions.addObject();
            o.put("value", f.name() + "()");
            o.put("displayName", f.name() + "()");
            if (f.list()) {
                o.put("isList", "true");
            }
            o.putArray("types").add("java.lang.String");
        }
        ArrayNode words = n.putArray("jqlReservedWords");
        JqlReference.RESERVED_WORDS.forEach(words::add);
        return ApiResponse.ok(n);
    }

    /**
     * Cloud {@code POST jql/parse?validation=strict|warn|none} {@code {"queries": [...]}}: each query with its
     * {@code structure} (absent after a syntax error) and its {@code errors} (strict) or {@code warnings} (warn).
     */
    private ApiResponse parse(ApiRequest req) {
        req.requireUser();
        SearchService.Validation validation = switch (req.queryValue("validation").orElse("strict")
                .toLowerCase(Locale.ROOT)) {
            case "strict" -> SearchService.Validation.STRICT;
            case "warn" -> SearchService.Validation.WARN;
            case "none" -> SearchService.Validation.NONE;
            default -> throw ApiException.field("validation", "The value '" + req.query("validation")
                    + "' of 'validation' is invalid: use strict, warn or none.");
        };
        JsonNode queries = req.json().path("queries");
        if (!queries.isArray() || queries.isEmpty()) {
            throw ApiException.field("queries", "At least one query is required.");
        }
        for (JsonNode q : queries) {
            if (!q.isTextual() || q.asText().isBlank()) {
                throw ApiException.field("queries", "A query must be a non-empty string.");
            }
        }
        return store.read(() -> {
            ObjectNode n = Json.object();
            ArrayNode out = n.putArray("queries");
            for (JsonNode q : queries) {
                SearchService.Parsed parsed = search.parseForReport(q.asText(), validation);
                ObjectNode o = out.addObject();
                o.put("query", q.asText());
                if (parsed.structure() != null) {
                    o.set("structure", Json.MAPPER.valueToTree(parsed.structure()));
                }
                if (!parsed.errors().isEmpty()) {
                    ArrayNode errors = o.putArray("errors");
                    parsed.errors().forEach(errors::add);
                }
                if (!parsed.warnings().isEmpty()) {
                    ArrayNode warnings = o.putArray("warnings");
                    parsed.warnings().forEach(warnings::add);
                }
            }
            return ApiResponse.ok(n);
        });
    }

    /**
     * {@code GET mypreferences?key=}: the caller's preference as a JSON string; a key not set, or no key at all, is a
     * 404 (as Jira documents it).
     */
    private ApiResponse preference(ApiRequest req) {
        User user = req.requireUser();
        String key = preferenceKey(req);
        return store.read(() -> ApiResponse.ok(Json.MAPPER.getNodeFactory().textNode(store.preference(user, key)
                .orElseThrow(() -> ApiException.of(404, "The preference with key '" + key + "' does not exist.")))));
    }

    /**
     * {@code PUT mypreferences?key=}: the body is the value, a JSON string ({@code "value"}) or plain text; 204. An empty
     * value is a 400.
     */
    private ApiResponse setPreference(ApiRequest req) {
        User user = req.requireUser();
        String key = preferenceKey(req);
        String text = req.bodyText().trim();
        String value = text;
        if (text.startsWith("\"")) {
            JsonNode parsed = req.json();
            value = parsed.asText();
        }
        if (value.isEmpty()) {
            throw ApiException.field("value", "The preference needs a value: send it as the request body.");
        }
        String stored = value;
        return store.write(() -> {
            store.preference(user, key, stored);
            return ApiResponse.noContent();
        });
    }

    /** {@code DELETE mypreferences?key=}: 204; a key not set is a 404. */
    private ApiResponse deletePreference(ApiRequest req) {
        User user = req.requireUser();
        String key = preferenceKey(req);
        return store.write(() -> {
            if (!store.preference(user, key, null)) {
                throw ApiException.of(404, "The preference with key '" + key + "' does not exist.");
            }
            return ApiResponse.noContent();
        });
    }

    /** The {@code key} parameter: without it a 404 naming it, as Jira answers. */
    private static String preferenceKey(ApiRequest req) {
        return req.queryValue("key").map(String::trim).filter(k -> !k.isEmpty())
                .orElseThrow(() -> ApiException.of(404, "The 'key' query parameter is required."));
    }

    /** Cloud {@code GET configuration/timetracking} (administrators): Jira's own time tracking provider. */
    private ApiResponse timeTracking(ApiRequest req) {
        req.requireAdmin(NOT_ADMIN);
        return ApiResponse.ok(Json.object().put("key", "JIRA").put("name", "JIRA provided time tracking"));
    }

    /** Cloud {@code GET mypreferences/locale}: the caller's locale, {@code en_US} until set. */
    private ApiResponse locale(ApiRequest req) {
        User user = req.requireUser();
        return store.read(() -> ApiResponse.ok(Json.object().put("locale", store.locale(user))));
    }

    /** Cloud {@code PUT mypreferences/locale} {@code {"locale": "de_DE"}} (204); not {@code ll_CC}: a 400. */
    private ApiResponse setLocale(ApiRequest req) {
        User user = req.requireUser();
        String locale = Json.text(req.json(), "locale");
        if (locale == null || !locale.matches("[a-z]{2,3}(_[A-Z]{2})?")) {
            throw ApiException.field("locale", "The locale '" + locale + "' is not valid: use a language code and"
                    + " a country code, such as en_US.");
        }
        return store.write(() -> {
            store.locale(user, locale);
            return ApiResponse.noContent();
        });
    }
}
