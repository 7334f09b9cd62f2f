package dev.cameljira.jira.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Result of bulkCreateIssues: which inputs became which issues and which failed, by their 0-based index in the input
 * list. The input is sent in chunks of at most 50 ({@code POST /issue/bulk}); every index here is the index in the
 * whole input, not in a chunk.
 *
 * @param requested how many issues were asked for
 * @param created   the issues created, in input order
 * @param errors    the inputs Jira rejected, in input order
 */
public record BulkCreateResult(int requested, List<CreatedIssue> created, List<ItemError> errors) {

    /**
     * An issue created from input {@code index}.
     *
     * @param index 0-based index of the input it was created from
     * @param id    the issue id
     * @param key   the issue key
     * @param raw   the JSON Jira sent for it ({@code id, key, self} and, on Cloud, a {@code transition} result)
     * @param issue the issue as a create without read-back knows it: id, key, self and the fields that were sent
     *              ({@link JiraIssue#created}); only id, key and self when the sent fields are not known
     */
    public record CreatedIssue(int index, String id, String key, JsonNode raw, JiraIssue issue) {

        /** An issue created from input {@code index}, without the fields that were sent. */
        public CreatedIssue(int index, String id, String key, JsonNode raw) {
            this(index, id, key, raw, null);
        }

        public CreatedIssue {
            if (issue == null && raw != null) {
                issue = JiraIssue.created(raw, null);
            }
        }
    }

    /**
     * An input Jira did not create.
     *
     * @param index         0-based index of the input
     * @param status        the HTTP status Jira gave this item (400 for invalid fields)
     * @param errorMessages Jira's {@code errorMessages} for it
     * @param fieldErrors   Jira's field {@code errors}: field id -> message
     * @param raw           the JSON Jira sent for it ({@code BulkOperationErrorResult}), or null when the whole chunk
     *                      was rejected and the error is the chunk's
     */
    public record ItemError(int index, int status, List<String> errorMessages, Map<String, String> fieldErrors, JsonNode raw) {

        public ItemError {
            errorMessages = errorMessages == null ? List.of() : List.copyOf(errorMessages);
            fieldErrors = fieldErrors == null ? Map.of() : Map.copyOf(fieldErrors);
        }

        /** Jira's messages for this item in one line: error messages, then {@code field: message} pairs. */
        public String message() {
            List<String> parts = new ArrayList<>(errorMessages);
            fieldErrors.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> parts.add(e.getKey() + ": " + e.getValue()));
            return parts.isEmpty() ? "status " + status : String.join("; ", parts);
        }
    }

    public BulkCreateResult {
        created = created == null ? List.of() : List.copyOf(created);
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** An empty result for {@code requested} inputs, to which chunk results are added. */
    public static BulkCreateResult empty(int requested) {
        return new BulkCreateResult(requested, List.of(), List.of());
    }

    /**
     * Reads one {@code POST /issue/bulk} response ({@code issues}, {@code errors}) for a chunk of {@code chunkSize}
     * inputs starting at input index {@code offset}. Jira lists created issues in request order without their index
     * and errors with their 0-based {@code failedElementNumber}; created issues are matched to the inputs that did not
     * fail, in order.
     */
    public static BulkCreateResult from(JsonNode response, int offset, int chunkSize) {
        return from(response, offset, chunkSize, null);
    }

    /**
     * As {@link #from(JsonNode, int, int)}, for the chunk whose {@code issueUpdates} items were {@code sent}: each
     * created issue carries the fields sent for it.
     */
    public static BulkCreateResult from(JsonNode response, int offset, List<? extends JsonNode> sent) {
        return from(response, offset, sent.size(), sent);
    }

    private static BulkCreateResult from(JsonNode response, int offset, int chunkSize, List<? extends JsonNode> sent) {
        List<ItemError> errors = new ArrayList<>();
        java.util.Set<Integer> failed = new java.util.HashSet<>();
        for (JsonNode e : response.path("errors")) {
            int local = e.path("failedElementNumber").asInt(-1);
            JsonNode ec = e.path("elementErrors");
            List<String> messages = new ArrayList<>();
            ec.path("errorMessages").forEach(m -> messages.add(m.asText()));
            Map<String, String> fieldErrors = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = ec.path("errors").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                fieldErrors.put(f.getKey(), f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString());
            }
            int status = e.path("status").asInt(ec.path("status").asInt(400));
            errors.add(new ItemError(local < 0 ? -1 : offset + local, status, messages, fieldErrors, e));
            failed.add(local);
        }
        List<CreatedIssue> created = new ArrayList<>();
        int local = 0;
        for (JsonNode i : response.path("issues")) {
            while (failed.contains(local)) {
                local++;
            }
            JiraIssue issue = sent != null && local < sent.size() ? JiraIssue.created(i, sent.get(local)) : null;
            created.add(new CreatedIssue(offset + local, JiraUser.text(i, "id"), JiraUser.text(i, "key"), i, issue));
            local++;
        }
        return new BulkCreateResult(chunkSize, created, errors);
    }

    /** This result followed by another chunk's: created and errors merged in input order. */
    public BulkCreateResult plus(BulkCreateResult next) {
        List<CreatedIssue> c = new ArrayList<>(created);
        c.addAll(next.created);
        c.sort(Comparator.comparingInt(CreatedIssue::index));
        List<ItemError> e = new ArrayList<>(errors);
        e.addAll(next.errors);
        e.sort(Comparator.comparingInt(ItemError::index));
        return new BulkCreateResult(requested, c, e);
    }

    /** The keys of the created issues, in input order. */
    public List<String> keys() {
        return created.stream().map(CreatedIssue::key).toList();
    }

    /** Whether any input failed. */
    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The issue created from input {@code index}, if it was created. */
    public Optional<CreatedIssue> createdAt(int index) {
        return created.stream().filter(c -> c.index() == index).findFirst();
    }

    /** The error of input {@code index}, if it failed. */
    public Optional<ItemError> errorAt(int index) {
        return errors.stream().filter(e -> e.index() == index).findFirst();
    }

    @Override
    public String toString() {
        return "BulkCreateResult[" + created.size() + " of " + requested + " created"
               + (errors.isEmpty() ? "" : ", failed: " + errors.stream().map(e -> "#" + e.index() + " (" + e.message() + ")")
                .collect(Collectors.joining(", ")))
               + "]";
    }
}
