package dev.cameljira.sandbox.jira.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.jira.JiraContext;
import dev.cameljira.sandbox.jira.model.CustomField;
import dev.cameljira.sandbox.jira.model.FieldOption;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.model.IssueType;
import dev.cameljira.sandbox.jira.render.View;
import dev.cameljira.sandbox.jira.store.JiraStore;
import java.util.List;

/**
 * Edit meta: {@code GET /issue/{key}/editmeta} -> {@code {"fields": {fieldId: {required, schema, name, key, operations,
 * allowedValues?, autoCompleteUrl?}}}}, the fields {@code PUT issue/{key}} takes in this sandbox, with the operations
 * its {@code update} accepts. Issue types offered are those of the same kind (sub-task or not), as Jira only changes an
 * issue's type within its kind without a move.
 */
public final class EditMetaResource {

    private final JiraContext ctx;
    private final JiraStore store;

    public EditMetaResource(JiraContext ctx) {
        this.ctx = ctx;
        this.store = ctx.store();
    }

    public void register(Router router) {
        router.add("GET", Paths.API + "/issue/{key}/editmeta", this::editMeta);
    }

    private ApiResponse editMeta(ApiRequest req) {
        req.requireUser();
        return store.read(() -> {
            Issue issue = store.requireIssue(req.param("key"));
            View view = req.view();
            ObjectNode root = Json.object();
            ObjectNode fields = root.putObject("fields");
            fields.set("summary", field("summary", "Summary", true, system("string", "summary"), List.of("set")));
            ArrayNode types = Json.array();
            for (IssueType t : store.catalog().issueTypes()) {
                if (t.subtask() == issue.issueType().subtask()) {
                    types.add(ctx.renderer().issueType(t, view));
                }
            }
            fields.set("issuetype", field("issuetype", "Issue Type", true, system("issuetype", "issuetype"), List.of("set"))
                    .set("allowedValues", types));
            fields.set("description", field("description", "Description", false, system("string", "description"),
                    List.of("set")));
            ArrayNode priorities = Json.array();
            store.catalog().priorities().forEach(p -> priorities.add(ctx.renderer().priority(p, view)));
            fields.set("priority", field("priority", "Priority", false, system("priority", "priority"), List.of("set"))
                    .set("allowedValues", priorities));
            ObjectNode labels = field("labels", "Labels", false, array("string", "labels"), List.of("add", "set", "remove"));
            labels.put("autoCompleteUrl", view.baseUrl() + "/rest/api/1.0/labels/suggest?query=");
            fields.set("labels", labels);
            ArrayNode components = Json.array();
            issue.project().components().forEach(c -> components.add(ctx.renderer().component(c, view)));
            fields.set("components", field("components", "Components", false, array("component", "components"),
                    List.of("add", "set", "remove")).set("allowedValues", components));
            ObjectNode assignee = field("assignee", "Assignee", false, system("user", "assignee"), List.of("set"));
            assignee.put("autoCompleteUrl", view.api() + "/user/assignable/search?issueKey=" + issue.key()
                    + (view.cloud() ? "&query=" : "&username="));
            fields.set("assignee", assignee);
            fields.set("reporter", field("reporter", "Reporter", true, system("user", "reporter"), List.of("set")));
            fields.set("duedate", field("duedate", "Due date", false, system("date", "duedate"), List.of("set")));
            fields.set("comment", field("comment", "Comment", false, array("comment", "comment"), List.of("add")));
            for (CustomField cf : store.catalog().customFields()) {
                ObjectNode f = field(cf.id(), cf.name(), false, (ObjectNode) ctx.renderer().customFieldSchema(cf).deepCopy(),
                        List.of("set"));
                if (!cf.options().isEmpty()) {
                    ArrayNode allowed = f.putArray("allowedValues");
                    for (FieldOption o : cf.options()) {
                        allowed.addObject().put("self", view.baseUrl() + "/rest/api/2/customFieldOption/" + o.id())
                                .put("value", o.value()).put("id", o.id());
                    }
                }
                fields.set(cf.id(), f);
            }
            return ApiResponse.ok(root);
        });
    }

    private static ObjectNode system(String type, String system) {
        return Json.object().put("type", type).put("system", system);
    }

    private static ObjectNode array(String items, String system) {
        return Json.object().put("type", "array").put("items", items).put("system", system);
    }

    private static ObjectNode field(String key, String name, boolean required, ObjectNode schema, List<String> operations) {
        ObjectNode n = Json.object();
        n.put("required", required);
        n.set("schema", schema);
        n.put("name", name);
        n.put("key", key);
        ArrayNode ops = n.putArray("operations");
        operations.forEach(ops::add);
        return n;
    }
}
