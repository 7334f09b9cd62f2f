package dev.cameljira.jira.operations;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.client.JiraBadRequestException;
import dev.cameljira.jira.client.JiraException;
import dev.cameljira.jira.client.JiraInvalidInputException;
import dev.cameljira.jira.client.JiraOutcomeUnknownException;
import dev.cameljira.jira.client.JiraRequest;
import dev.cameljira.jira.model.BulkCreateResult;
import dev.cameljira.jira.model.CreateIssueRequest;

/** bulkCreateIssues: many issues in chunks through {@code POST /issue/bulk}, each item checked before the first call. */
public final class BulkCreateOperations {

    /** Jira's maximum number of issues per {@code POST /issue/bulk}. */
    static final int BULK_CHUNK_SIZE = 50;

    private BulkCreateOperations() {
    }

    /**
     * bulkCreateIssues: creates many issues through {@code POST /issue/bulk}, in chunks of 50 (Jira's limit).
     *
     * <p>Body: a list of {@link CreateIssueRequest}, a {@code List<Map>}, a JSON array (String, byte[] or
     * {@code ArrayNode}) of objects with createIssue's JSON keys ({@code projectKey, issueType, summary, description,
     * assignee, priority, labels, components, parentKey, fields, properties}). An item without project key or issue type
     * takes the header/endpoint value (CamelJiraProjectKey, CamelJiraIssueTypeName...). Every item is checked before the first
     * call: when any lacks a required value, nothing is sent and the error names the items by 0-based index.
     *
     * <p>Returns a {@link BulkCreateResult}: the created issues (key, id) by input index, and the inputs Jira rejected
     * with Jira's messages (a chunk Jira rejects as a whole with 400 marks each of its items failed). Header
     * CamelJiraResultCount = number created. If a chunk fails otherwise (server error, permissions, rate limit after
     * retries, connection lost), a {@link BulkCreateException} names how many issues earlier chunks created and their
     * keys, and carries that partial result.
     */
    public static Object bulkCreateIssues(OperationContext ctx) {
        List<CreateIssueRequest> requests = bulkRequests(ctx);
        validateBulk(ctx, requests);
        JiraApi api = ctx.api();
        List<ObjectNode> updates = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            try {
                updates.add(IssueOperations.createBody(ctx, requests.get(i)));
            } catch (JiraInvalidInputException e) {
                throw ctx.invalid("item " + i + " (0-based) is invalid, nothing was sent: " + e.getMessage());
            }
        }
        BulkCreateResult result = BulkCreateResult.empty(requests.size());
        int chunks = (updates.size() + BULK_CHUNK_SIZE - 1) / BULK_CHUNK_SIZE;
        for (int c = 0; c < chunks; c++) {
            int from = c * BULK_CHUNK_SIZE;
            int to = Math.min(updates.size(), from + BULK_CHUNK_SIZE);
            result = result.plus(sendChunk(api, updates.subList(from, to), from, c, chunks, result));
        }
        ctx.setHeader(JiraConstants.RESULT_COUNT, result.created().size());
        return result;
    }

    private static BulkCreateResult sendChunk(JiraApi api, List<ObjectNode> chunk, int offset, int index, int chunks,
                                              BulkCreateResult before) {
        ObjectNode body = api.client().newObject();
        ArrayNode arr = body.putArray("issueUpdates");
        chunk.forEach(arr::add);
        String items = "items " + offset + "-" + (offset + chunk.size() - 1);
        try {
            JsonNode response = api.client().json(JiraRequest.post(api.api("/issue/bulk")).body(body)
                    .subject("bulk create of " + items));
            return BulkCreateResult.from(response, offset, chunk);
        } catch (JiraBadRequestException e) {
            // Jira answers 400 when it created none of the chunk: every item of it failed
            List<String> messages = e.getErrorMessages().isEmpty() && e.getFieldErrors().isEmpty()
                    ? List.of(e.getMessage()) : e.getErrorMessages();
            List<BulkCreateResult.ItemError> errors = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                errors.add(new BulkCreateResult.ItemError(offset + i, e.getStatus(), messages, e.getFieldErrors(), null));
            }
            return new BulkCreateResult(chunk.size(), List.of(), errors);
        } catch (JiraException e) {
            throw new BulkCreateException(bulkFailure(before, items, index, chunks, offset, chunk.size(), e), before, e);
        }
    }

    private static String bulkFailure(BulkCreateResult before, String items, int index, int chunks, int offset, int size,
                                      JiraException e) {
        StringBuilder sb = new StringBuilder("bulkCreateIssues: POST /issue/bulk for ").append(items).append(" (chunk ")
                .append(index + 1).append(" of ").append(chunks).append(") failed: ").append(e.getMessage()).append(". ");
        if (before.created().isEmpty()) {
            sb.append("No issue was created before it");
        } else {
            sb.append(before.created().size()).append(" issue(s) were created before it and exist in Jira: ")
                    .append(String.join(", ", before.keys()));
        }
        if (before.hasErrors()) {
            sb.append("; Jira rejected items ").append(before.errors().stream().map(x -> String.valueOf(x.index()))
                    .collect(Collectors.joining(", ")));
        }
        int requested = before.requested();
        if (e instanceof JiraOutcomeUnknownException) {
            sb.append("; the outcome of ").append(items)
                    .append(" is unknown (Jira may have created them: search before resending)");
            if (offset + size < requested) {
                sb.append("; items ").append(offset + size).append('-').append(requested - 1).append(" were not sent");
            }
        } else {
            sb.append("; items ").append(offset).append('-').append(requested - 1).append(" were not created");
        }
        return sb.toString();
    }

    /** The bulk body as a list of create requests (no HTTP). */
    private static List<CreateIssueRequest> bulkRequests(OperationContext ctx) {
        Object body = ctx.body();
        List<?> items;
        if (body instanceof List<?> l) {
            items = l;
        } else if (body instanceof Collection<?> c) {
            items = new ArrayList<>(c);
        } else if (body instanceof ArrayNode a) {
            items = toList(a);
        } else if (body instanceof String || body instanceof byte[]) {
            String s = body instanceof String str ? str : new String((byte[]) body, java.nio.charset.StandardCharsets.UTF_8);
            items = toList(parseArray(ctx, s));
        } else {
            throw ctx.invalid("the body must be the list of issues to create: a List of CreateIssueRequest or Map, or a "
                    + "JSON array of objects; it was " + (body == null ? "empty" : body.getClass().getName()));
        }
        List<CreateIssueRequest> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(bulkItem(ctx, items.get(i), i));
        }
        return out;
    }

    private static List<Object> toList(ArrayNode a) {
        List<Object> out = new ArrayList<>(a.size());
        a.forEach(out::add);
        return out;
    }

    private static ArrayNode parseArray(OperationContext ctx, String s) {
        JsonNode n;
        try {
            n = ctx.api().client().mapper().readTree(s);
        } catch (java.io.IOException e) {
            throw ctx.invalid("the body is not a JSON array of issues: "
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage()));
        }
        if (n instanceof ArrayNode a) {
            return a;
        }
        throw ctx.invalid("the body must be a JSON array of issues, was a JSON " + (n == null ? "nothing" : n.getNodeType()));
    }

    private static CreateIssueRequest bulkItem(OperationContext ctx, Object item, int index) {
        CreateIssueRequest req;
        if (item instanceof CreateIssueRequest r) {
            req = r;
        } else if (item instanceof Map<?, ?> || (item instanceof JsonNode n && n.isObject())) {
            JsonNode o = item instanceof JsonNode n ? n : ctx.api().client().mapper().valueToTree(item);
            try {
                req = IssueOperations.createRequest(ctx.api(), p -> OperationContext.keyValue(o, p), o);
            } catch (JiraInvalidInputException e) {
                throw ctx.invalid("item " + index + " (0-based) is invalid, nothing was sent: " + e.getMessage());
            }
        } else {
            throw ctx.invalid("item " + index + " (0-based) is " + (item == null ? "null" : "a " + item.getClass().getSimpleName())
                    + "; each item must be a CreateIssueRequest, a Map or a JSON object");
        }
        String project = OperationSupport.blank(req.projectKey()) ? ctx.string(JiraParam.PROJECT_KEY).orElse(null)
                : req.projectKey();
        String type = OperationSupport.blank(req.issueType())
                ? ctx.string(JiraParam.ISSUE_TYPE_ID).or(() -> ctx.string(JiraParam.ISSUE_TYPE_NAME)).orElse(null)
                : req.issueType();
        return new CreateIssueRequest(project, type, req.summary(), req.description(), req.assignee(), req.priority(),
                req.labels(), req.components(), req.parentKey(), req.fields(), req.properties());
    }

    /** Fails, naming every item that lacks a required value, before anything is sent. */
    private static void validateBulk(OperationContext ctx, List<CreateIssueRequest> requests) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            JiraParam missing = IssueOperations.missingForCreate(requests.get(i));
            if (missing != null) {
                problems.add("item " + i + " needs " + missing.description());
            }
        }
        if (!problems.isEmpty()) {
            throw ctx.invalid(problems.size() + " of " + requests.size() + " items are invalid (indexes are 0-based), nothing "
                    + "was sent: " + String.join("; ", problems.subList(0, Math.min(20, problems.size())))
                    + (problems.size() > 20 ? "; and " + (problems.size() - 20) + " more" : ""));
        }
    }
}
