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
import dev.cameljira.sandbox.jira.model.Status;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.search.SearchService;
import dev.cameljira.sandbox.jira.store.JiraStore;
import dev.cameljira.sandbox.jql.JqlReference;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reference data and settings: Data Center's paged {@code priority/page}, {@code status/page}, {@code issuetype/page},
 * {@code resolution/page}; Cloud's {@code statuses/search}; {@code application-properties};
 * {@code jql/autocompletedata} and Cloud's {@code jql/parse}; Cloud's {@code configuration/timetracking} and
 * {@code mypreferences/locale}.
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
        if (store.cloud()) {
            router.add("GET", Paths.API + "/statuses/search", this::statusSearch);
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
        return ApiResponse.ok(Paging.page(before, after, true, matches, startAt, max, s -> {
            ObjectNode n = Json.object();
            n.put("id", s.id());
            n.put("name", s.name());
            n.put("description", s.description() == null ? "" : s.description());
            n.put("statusCategory", category(s));
            n.putObject("scope").put("type", "GLOBAL");
            return n;
        }));
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
