package dev.cameljira.sandbox.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks Jira's rich-text fields, which the specs type loosely or wrongly: Cloud v3 leaves {@code description} and
 * {@code environment} untyped inside the dynamic {@code fields} map and types comment {@code body} / worklog
 * {@code comment} as a bare object (Atlassian Document Format in prose only), and serves as the stand-in for Cloud
 * v2, which takes strings. So the rules live here, and a schema type error the validator reports at one of the
 * rich-text values found here is dropped in favour of these rules (that is the v2 relaxation, and on v3 it avoids
 * a second, vaguer report of the same mistake):
 * <ul>
 *   <li>{@link Format#ADF} ({@code /rest/api/3} on Cloud): a rich-text value is null or an ADF document
 *       {@code {"type":"doc","version":1,"content":[...]}} whose nodes have a {@code type};</li>
 *   <li>{@link Format#WIKI} ({@code /rest/api/2} on Cloud and Data Center): a rich-text value is null or a
 *       string; Cloud v2 is validated against the v3 operations with exactly this relaxation.</li>
 * </ul>
 * Checked places: issue create/edit/transition/bulk requests ({@code fields.description},
 * {@code fields.environment}, their {@code update} operations, {@code update.comment[].add.body}), comment and
 * worklog requests, and issue, search, comment and worklog responses. Textarea custom fields cannot be told apart
 * from single-line text fields without create-meta, so a custom field value is only checked when it is an ADF
 * document ({@code "type":"doc"}): well-formed on v3, rejected on v2.
 */
final class RichText {

    /** Which rich-text representation an API version takes. */
    enum Format {
        /** Atlassian Document Format JSON. */
        ADF,
        /** Wiki-markup strings. */
        WIKI
    }

    /** A place to check: a slash-separated path where {@code *} is every element of an array or object. */
    private record Location(String path, boolean onlyIfAdf) {
    }

    private static final Pattern PARAM = Pattern.compile("\\{[^}/]+}");
    private static final Pattern VERSION_PREFIX = Pattern.compile("^(/rest)?/api/(\\d+|latest)");

    private static final List<Location> ISSUE_UPDATE = List.of(
            new Location("fields/description", false),
            new Location("fields/environment", false),
            new Location("fields/*", true),
            new Location("update/description/*/set", false),
            new Location("update/environment/*/set", false),
            new Location("update/comment/*/add/body", false),
            new Location("update/comment/*/edit/body", false));

    private static final List<Location> ISSUE = List.of(
            new Location("fields/description", false),
            new Location("fields/environment", false),
            new Location("fields/*", true),
            new Location("fields/comment/comments/*/body", false),
            new Location("fields/worklog/worklogs/*/comment", false));

    private static final List<Location> NONE = List.of();

    /** Key "METHOD /neutral/template" with path parameters as {}: request locations, response locations. */
    private static final Map<String, List<List<Location>>> OPERATIONS = new LinkedHashMap<>();

    static {
        on("POST /issue", ISSUE_UPDATE, NONE);
        on("PUT /issue/{}", ISSUE_UPDATE, ISSUE);
        on("GET /issue/{}", NONE, ISSUE);
        on("POST /issue/bulk", under("issueUpdates/*/", ISSUE_UPDATE), NONE);
        on("POST /issue/{}/transitions", ISSUE_UPDATE, NONE);
        for (String search : List.of("GET /search", "POST /search", "GET /search/jql", "POST /search/jql")) {
            on(search, NONE, under("issues/*/", ISSUE));
        }
        on("GET /issue/{}/comment", NONE, List.of(new Location("comments/*/body", false)));
        List<Location> commentBody = List.of(new Location("body", false));
        on("POST /issue/{}/comment", commentBody, commentBody);
        on("GET /issue/{}/comment/{}", NONE, commentBody);
        on("PUT /issue/{}/comment/{}", commentBody, commentBody);
        on("GET /issue/{}/worklog", NONE, List.of(new Location("worklogs/*/comment", false)));
        List<Location> worklogComment = List.of(new Location("comment", false));
        on("POST /issue/{}/worklog", worklogComment, worklogComment);
        on("GET /issue/{}/worklog/{}", NONE, worklogComment);
        on("PUT /issue/{}/worklog/{}", worklogComment, worklogComment);
    }

    private RichText() {
    }

    private static void on(String operation, List<Location> request, List<Location> response) {
        OPERATIONS.put(operation, List.of(request, response));
    }

    private static List<Location> under(String prefix, List<Location> locations) {
        return locations.stream().map(l -> new Location(prefix + l.path(), l.onlyIfAdf())).toList();
    }

    /**
     * Outcome of a check.
     *
     * @param problems each as "pointer: what is wrong"
     * @param pointers JSON pointers of every rich-text value found (checked here, so a schema type error the
     *                 validator reports at one of them is redundant or, on v2, the documented relaxation)
     */
    record Result(List<String> problems, Set<String> pointers) {
        static final Result NONE = new Result(List.of(), Set.of());
    }

    /**
     * Rich-text problems in a body.
     *
     * @param method       HTTP method
     * @param specTemplate the matched spec path template, e.g. {@code /rest/api/3/issue/{issueIdOrKey}}
     * @param request      true for the request body, false for the response body
     */
    static Result check(Format format, String method, String specTemplate, boolean request, JsonNode body) {
        if (body == null) {
            return Result.NONE;
        }
        String neutral = PARAM.matcher(VERSION_PREFIX.matcher(specTemplate).replaceFirst("")).replaceAll("{}");
        List<List<Location>> sides = OPERATIONS.get(method + " " + neutral);
        if (sides == null) {
            return Result.NONE;
        }
        Map<String, String> problems = new LinkedHashMap<>();
        Set<String> pointers = new HashSet<>();
        for (Location location : sides.get(request ? 0 : 1)) {
            visit(body, location.path().split("/"), 0, "", (pointer, value) -> {
                if ((location.onlyIfAdf() && !looksLikeAdf(value)) || !pointers.add(pointer)) {
                    return; // not rich text, or already checked through a more specific location
                }
                String problem = format == Format.ADF ? adfProblem(value) : wikiProblem(value);
                if (problem != null) {
                    problems.put(pointer, problem);
                }
            });
        }
        List<String> out = new ArrayList<>();
        problems.forEach((pointer, problem) -> out.add(pointer + ": " + problem));
        return new Result(out, pointers);
    }

    private interface Visitor {
        void value(String pointer, JsonNode value);
    }

    private static void visit(JsonNode node, String[] segments, int i, String pointer, Visitor visitor) {
        if (node == null || node.isMissingNode()) {
            return;
        }
        if (i == segments.length) {
            visitor.value(pointer.isEmpty() ? "/" : pointer, node);
            return;
        }
        String segment = segments[i];
        if ("*".equals(segment)) {
            if (node.isArray()) {
                for (int k = 0; k < node.size(); k++) {
                    visit(node.get(k), segments, i + 1, pointer + "/" + k, visitor);
                }
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    visit(e.getValue(), segments, i + 1, pointer + "/" + e.getKey(), visitor);
                }
            }
            return;
        }
        if (node.isObject()) {
            visit(node.get(segment), segments, i + 1, pointer + "/" + segment, visitor);
        }
    }

    private static boolean looksLikeAdf(JsonNode value) {
        return value.isObject() && "doc".equals(value.path("type").asText(null));
    }

    private static String wikiProblem(JsonNode value) {
        if (value.isNull() || value.isTextual()) {
            return null;
        }
        return "rich text on /rest/api/2 is a wiki-markup string, got " + kind(value)
                + (looksLikeAdf(value) ? " (an ADF document: ADF belongs to Cloud /rest/api/3)" : "");
    }

    private static String adfProblem(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        String expected = "rich text on /rest/api/3 is an Atlassian Document Format document "
                + "{\"type\":\"doc\",\"version\":1,\"content\":[...]}";
        if (!value.isObject()) {
            return expected + ", got " + kind(value) + (value.isTextual() ? " (strings belong to /rest/api/2)" : "");
        }
        if (!"doc".equals(value.path("type").asText(null))) {
            return expected + ", got an object whose type is not \"doc\"";
        }
        if (!value.path("version").isInt() || value.get("version").asInt() != 1) {
            return expected + ", got version " + value.path("version");
        }
        if (!value.path("content").isArray()) {
            return expected + ", got no content array";
        }
        return nodeProblem(value.get("content"), "/content");
    }

    private static String nodeProblem(JsonNode content, String where) {
        for (int k = 0; k < content.size(); k++) {
            JsonNode node = content.get(k);
            String at = where + "/" + k;
            if (!node.isObject() || !node.path("type").isTextual()) {
                return "ADF node " + at + " must be an object with a string \"type\"";
            }
            if ("text".equals(node.get("type").asText()) && !node.path("text").isTextual()) {
                return "ADF text node " + at + " must have a string \"text\"";
            }
            if (node.has("content")) {
                if (!node.get("content").isArray()) {
                    return "ADF node " + at + " has a \"content\" that is not an array";
                }
                String nested = nodeProblem(node.get("content"), at + "/content");
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    private static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "a string";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
