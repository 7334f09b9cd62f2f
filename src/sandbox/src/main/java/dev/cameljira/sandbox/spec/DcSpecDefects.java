package dev.cameljira.sandbox.spec;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Narrow, documented fixes for known defects of Atlassian's generated Jira Data Center 10.3 OpenAPI document
 * ({@code shared/oracles/jira-openapi/jira-dc-COMPATIBILITY.md}, numbers below refer to that list). Each fix
 * changes exactly the named schema or operation and fails loudly if its target disappears from the document,
 * so a new spec version cannot silently void a workaround.
 *
 * <ul>
 *   <li>Repeated operationIds ({@code getProperty}, {@code setProperty}, {@code getIssue}, ...): the later ones are
 *       renamed {@code <id>_dupN}; operationIds play no part in validation.</li>
 *   <li>#2 {@code IssueBean.fields} declares every field value an object, although values are strings, arrays,
 *       numbers and nulls. The request-side {@code IssueUpdateBean.fields} has the same defect (this is what
 *       rejects a string {@code summary}/{@code description}, and equally {@code labels}, {@code duedate} and
 *       text custom fields). Only the value type of these two dynamic field maps is relaxed to "any JSON"; the
 *       rest of both beans is still validated, and {@link RichText} still requires wiki strings for
 *       description/environment.</li>
 *   <li>#1, #7, #11 (and the same defect on the user, component, version, category and attachment operations
 *       listed in {@link #ARRAY_RESPONSES}): collections declared as their item schema. The success response becomes
 *       an array of that item schema, so every returned item is still validated.</li>
 *   <li>#8: paged collections declared as their item schema. The response becomes Jira's page envelope
 *       ({@code startAt, maxResults, total, isLast, self, nextPage, values[]}) with items validated against the
 *       declared item schema ({@code ResolutionJsonBean} for resolutions, whose declared bean is empty).</li>
 *   <li>#3 {@code ServerInfoBean} is an empty object schema: it gets the properties Jira returns, and
 *       {@code baseUrl, version, versionNumbers, deploymentType} become required, since clients rely on them.</li>
 *   <li>Not in the list but the same kind: {@code PUT /issue/{key}/properties/{propertyKey}} declares its body a
 *       string of format json, while the body is the property's JSON value itself; it is relaxed to any JSON. The
 *       same for {@code EntityPropertyBean.value} in the GET response.</li>
 *   <li>Reported by the connector's engineers, same kind again:
 *     <ul>
 *       <li>{@code POST /issue/bulk} declares its 400 without a body, so the ErrorCollection rule applied and
 *           rejected Jira's real answer when every element fails: the bulk result
 *           {@code {"issues":[],"errors":[{status, elementErrors:{errorMessages, errors}, failedElementNumber}]}}
 *           (the document's own {@code IssuesCreateResponse}/{@code BulkOperationErrorResult}). That 400 now
 *           declares exactly two shapes: that result (at least one error, every part required and typed) or a
 *           plain ErrorCollection (a request Jira cannot read at all). No other operation's errors change.</li>
 *       <li>{@code IssueBean.renderedFields} declares every value an object, while {@code expand=renderedFields}
 *           returns HTML strings for text fields, display strings for dates, objects for comment/worklog pages
 *           and arrays for attachments (nulls count as absent): the value type becomes "string, object or
 *           array"; numbers and booleans are still rejected, and {@code renderedFields} is still a map.</li>
 *       <li>{@code GET /issue/{key}/transitions} declares only {@code transitionId}, though Jira accepts
 *           {@code expand=transitions.fields} there (the document's {@code TransitionBean.fields} is what it
 *           fills in): the parameter is added with exactly that value; any other expand or parameter is still
 *           reported.</li>
 *       <li>{@code GET /group/member} declares {@code groupname} in the path, which has no such segment: it
 *           becomes the query parameter Jira reads.</li>
 *       <li>{@code VersionBean.releaseDate} and {@code startDate} are typed {@code date-time} while Jira sends and
 *           takes dates ({@code 2010-07-06}): their format becomes {@code date}; {@code PUT /version/{id}} declares
 *           its 200 without a body, though it answers the updated {@code VersionBean}.</li>
 *     </ul>
 *   </li>
 * </ul>
 * Found while emulating votes and notification schemes: {@code POST /issue/{key}/votes} answers 204, not the declared
 * 200 ({@link #declareVoteNoContent}); {@code NotificationSchemeBean.notificationSchemeEvents} is a list, not an
 * object ({@link #fixNotificationSchemeEvents}). Found while emulating project roles: {@code GET /role} is an array (in
 * {@link #ARRAY_RESPONSES}); {@code GET /project/{key}/role} answers a map of role name to URL
 * ({@link #declareProjectRoleLinks}). Found while emulating application properties: {@code GET /application-properties}
 * answers a list unless {@code key} names one, and neither {@code key} nor {@code permissionLevel} is required
 * ({@link #declareApplicationPropertyList}). Found while emulating filter columns and JQL reference data: columns are
 * a list of {@code {label, value}} ({@link #declareFilterColumnList}); the auto-complete fields and functions are
 * objects ({@link #declareAutoCompleteObjects}). Found while emulating application roles: {@code GET /applicationrole} is
 * the list of roles (in {@link #ARRAY_RESPONSES}; {@code /applicationrole/{key}} is one). Found while emulating
 * workflows: {@code GET /workflow} declares no body for its 200 ({@link #declareWorkflowList}).
 * The remaining listed defects (#4-6, #9, #10, #12-16) concern operations outside what the connector and sandbox
 * use; they are left as the document states them.
 */
final class DcSpecDefects {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One response of one operation; {@code itemSchema} non-null overrides the declared item schema. */
    record Target(String method, String path, String status, String itemSchema) {
        String describe() {
            return method.toUpperCase(Locale.ROOT) + " " + path + " " + status;
        }
    }

    /** Operations whose 2xx response is an array but is declared as the item schema. */
    static final List<Target> ARRAY_RESPONSES = List.of(
            op("get", "/api/2/project", "200"),
            op("get", "/api/2/field", "200"),
            op("get", "/api/2/issuetype", "200"),
            op("get", "/api/2/priority", "200"),
            op("get", "/api/2/status", "200"),
            op("get", "/api/2/resolution", "200"),
            op("get", "/api/2/filter/favourite", "200"),
            op("get", "/api/2/filter/{id}/permission", "200"),
            op("get", "/api/2/cluster/nodes", "200"),
            op("get", "/api/2/statuscategory", "200"),
            op("get", "/api/2/projectCategory", "200"),
            op("get", "/api/2/project/{projectIdOrKey}/components", "200"),
            op("get", "/api/2/project/{projectIdOrKey}/versions", "200"),
            op("get", "/api/2/project/{projectIdOrKey}/statuses", "200"),
            op("get", "/api/2/user/search", "200"),
            op("get", "/api/2/user/assignable/search", "200"),
            op("get", "/api/2/user/assignable/multiProjectSearch", "200"),
            op("get", "/api/2/user/viewissue/search", "200"),
            op("get", "/api/2/user/permission/search", "200"),
            op("get", "/api/2/project/type", "200"),
            op("get", "/api/2/role", "200"),
            op("get", "/api/2/applicationrole", "200"),
            op("post", "/api/2/worklog/list", "200"),
            op("post", "/api/2/issue/{issueIdOrKey}/attachments", "200"));

    /** Paged collections declared as the item schema. */
    static final List<Target> PAGE_RESPONSES = List.of(
            op("get", "/api/2/issuetype/page", "200"),
            op("get", "/api/2/priority/page", "200"),
            op("get", "/api/2/status/page", "200"),
            new Target("get", "/api/2/resolution/page", "200", "ResolutionJsonBean"),
            op("get", "/api/2/customFields", "200"),
            op("get", "/api/2/issue/createmeta/{projectIdOrKey}/issuetypes", "200"),
            op("get", "/api/2/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}", "200"));

    private DcSpecDefects() {
    }

    private static Target op(String method, String path, String status) {
        return new Target(method, path, status, null);
    }

    /** Applies every fix to the DC document tree in place. */
    static void apply(ObjectNode spec) {
        deduplicateOperationIds(spec);
        relaxFieldMap(spec, "IssueBean");
        relaxFieldMap(spec, "IssueUpdateBean");
        for (Target op : ARRAY_RESPONSES) {
            ObjectNode media = jsonMedia(spec, op);
            ObjectNode array = NODES.objectNode().put("type", "array");
            array.set("items", media.get("schema"));
            media.set("schema", array);
        }
        for (Target op : PAGE_RESPONSES) {
            ObjectNode media = jsonMedia(spec, op);
            JsonNode item = op.itemSchema() == null ? media.get("schema") : ref(op.itemSchema());
            media.set("schema", pageOf(item));
        }
        completeServerInfo(spec);
        relaxIssuePropertyBody(spec);
        relaxEntityPropertyValue(spec);
        declareBulkCreateError(spec);
        relaxRenderedFields(spec);
        allowTransitionsFieldsExpand(spec);
        groupMemberNameInQuery(spec);
        fixRemoteLinks(spec);
        declareVoteNoContent(spec);
        fixNotificationSchemeEvents(spec);
        versionDatesAreDates(spec);
        declareProjectRoleLinks(spec);
        declareApplicationPropertyList(spec);
        declareFilterColumnList(spec);
        declareAutoCompleteObjects(spec);
        declareWorkflowList(spec);
        stringListParametersAreStrings(spec);
    }

    /**
     * Query parameters typed {@code StringList} (an empty object schema: Jira's Java type that parses a
     * comma-separated list) make the validator read each value as JSON, so {@code GET /search?fields=*all} or
     * {@code expand=changelog} (python-jira's search) were reported as invalid JSON: {@code StringList} becomes a
     * string and {@code array of StringList} ({@code fields}, which Jira also takes repeated) an array of strings.
     * Found by the python-jira sweep; {@code GET /search} must be among the operations changed.
     */
    static void stringListParametersAreStrings(ObjectNode spec) {
        String stringList = "#/components/schemas/StringList";
        boolean search = false;
        for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                for (JsonNode p : op.getValue().path("parameters")) {
                    if (!"query".equals(p.path("in").asText())) {
                        continue;
                    }
                    JsonNode schema = p.path("schema");
                    if (stringList.equals(schema.path("$ref").asText())) {
                        ((ObjectNode) p).set("schema", NODES.objectNode().put("type", "string"));
                    } else if ("array".equals(schema.path("type").asText())
                            && stringList.equals(schema.path("items").path("$ref").asText())) {
                        ((ObjectNode) schema).set("items", NODES.objectNode().put("type", "string"));
                    } else {
                        continue;
                    }
                    search |= "/api/2/search".equals(path.getKey());
                }
            }
        }
        if (!search) {
            throw new IllegalStateException("DC spec workaround target GET /api/2/search StringList parameters not "
                    + "found in the document: the spec changed, review DcSpecDefects");
        }
    }

    /**
     * {@code GET /workflow} declares its 200 without a body ("Contains a full representation of every workflow"),
     * though Jira answers the workflows, {@code [{name, description, lastModifiedDate, lastModifiedUser, steps,
     * default}]}, or with {@code workflowName} that one workflow as an object (as Atlassian's Cloud documentation of the
     * same resource describes it): the 200 becomes "a workflow or an array of them", {@code name} required, the members
     * typed as that answer has them and no others.
     */
    static void declareWorkflowList(ObjectNode spec) {
        String where = "GET /api/2/workflow 200";
        ObjectNode ok = object(spec.path("paths").path("/api/2/workflow").path("get").path("responses").path("200"), where);
        if (ok.has("content")) {
            throw new IllegalStateException("DC spec workaround target " + where + " declares a body now: the spec "
                    + "changed, review DcSpecDefects");
        }
        ObjectNode workflow = NODES.objectNode().put("type", "object").put("additionalProperties", false);
        workflow.putArray("required").add("name");
        ObjectNode properties = workflow.putObject("properties");
        for (String member : List.of("name", "description", "lastModifiedDate", "lastModifiedUser",
                "lastModifiedUserAccountId")) {
            properties.putObject(member).put("type", "string");
        }
        properties.putObject("steps").put("type", "integer");
        properties.putObject("default").put("type", "boolean");
        ok.putObject("content").putObject("application/json").set("schema", oneOrMany(workflow));
    }

    /**
     * {@code GET /filter/{id}/columns} declares a {@code ColumnLayout}, while Jira answers the list of columns
     * {@code [{label, value}]} (as the Cloud document declares it): the 200 becomes that array, both members strings.
     */
    static void declareFilterColumnList(ObjectNode spec) {
        ObjectNode media = jsonMedia(spec, op("get", "/api/2/filter/{id}/columns", "200"));
        if (!media.path("schema").path("$ref").asText().endsWith("/ColumnLayout")) {
            throw new IllegalStateException("DC spec workaround target GET /api/2/filter/{id}/columns 200 is no longer "
                    + "a ColumnLayout: the spec changed, review DcSpecDefects");
        }
        ObjectNode item = NODES.objectNode().put("type", "object").put("additionalProperties", false);
        item.putArray("required").add("label").add("value");
        item.putObject("properties").<ObjectNode>set("label", NODES.objectNode().put("type", "string"))
                .set("value", NODES.objectNode().put("type", "string"));
        media.set("schema", arrayOf(item));
    }

    /**
     * {@code AutoCompleteResponseBean.visibleFieldNames} and {@code visibleFunctionNames} are raw JSON in Jira's bean,
     * so the document types their items as strings (its own example shows objects): the items become objects whose
     * {@code value} and {@code displayName} are strings.
     */
    static void declareAutoCompleteObjects(ObjectNode spec) {
        ObjectNode props = object(schema(spec, "AutoCompleteResponseBean").path("properties"),
                "AutoCompleteResponseBean.properties");
        for (String name : List.of("visibleFieldNames", "visibleFunctionNames")) {
            ObjectNode list = object(props.path(name), "AutoCompleteResponseBean." + name);
            if (!"string".equals(list.path("items").path("type").asText())) {
                throw new IllegalStateException("DC spec workaround target AutoCompleteResponseBean." + name
                        + " items are no longer strings: the spec changed, review DcSpecDefects");
            }
            ObjectNode item = NODES.objectNode().put("type", "object");
            item.putArray("required").add("value").add("displayName");
            item.putObject("properties").<ObjectNode>set("value", NODES.objectNode().put("type", "string"))
                    .set("displayName", NODES.objectNode().put("type", "string"));
            list.set("items", item);
        }
    }

    /**
     * {@code GET /application-properties} declares one {@code Property}, which is Jira's answer with {@code key};
     * without it Jira answers the list of properties: the 200 becomes "a Property or an array of Property", both
     * still validated item by item.
     */
    static void declareApplicationPropertyList(ObjectNode spec) {
        ObjectNode media = jsonMedia(spec, op("get", "/api/2/application-properties", "200"));
        JsonNode item = media.get("schema");
        if (!item.has("$ref") || !item.get("$ref").asText().endsWith("/Property")) {
            throw new IllegalStateException("DC spec workaround target GET /api/2/application-properties 200 is no "
                    + "longer a single Property: the spec changed, review DcSpecDefects");
        }
        for (JsonNode parameter : spec.path("paths").path("/api/2/application-properties").path("get").path("parameters")) {
            ((ObjectNode) parameter).put("required", false); // key and permissionLevel are optional in Jira
        }
        media.set("schema", oneOrMany(item));
    }

    /**
     * {@code GET /project/{key}/role} declares its 200 without a body, though Jira answers each role's name with the
     * URL of the role in that project ({@code {"Administrators": "http://.../project/10000/role/10002"}}, as the
     * Cloud document declares it): the 200 becomes that map of strings.
     */
    static void declareProjectRoleLinks(ObjectNode spec) {
        String where = "GET /api/2/project/{projectIdOrKey}/role 200";
        ObjectNode ok = object(spec.path("paths").path("/api/2/project/{projectIdOrKey}/role").path("get")
                .path("responses").path("200"), where);
        if (ok.has("content")) {
            throw new IllegalStateException("DC spec workaround target " + where + " declares a body now: the spec "
                    + "changed, review DcSpecDefects");
        }
        ObjectNode map = NODES.objectNode().put("type", "object");
        map.putObject("additionalProperties").put("type", "string");
        ok.putObject("content").putObject("application/json").set("schema", map);
    }

    /**
     * {@code POST /issue/{key}/votes} declares only a 200 ("Returns the vote count"), while Jira answers 204 without a
     * body (Atlassian's own REST functional test {@code TestIssueResourceVotes.testVote_successful} expects 204): the
     * 204 is added; the 200 stays declared.
     */
    static void declareVoteNoContent(ObjectNode spec) {
        String where = "POST /api/2/issue/{issueIdOrKey}/votes responses";
        ObjectNode responses = object(spec.path("paths").path("/api/2/issue/{issueIdOrKey}/votes").path("post")
                .path("responses"), where);
        if (responses.has("204")) {
            throw new IllegalStateException("DC spec workaround target " + where + " declares 204 now: the spec changed, "
                    + "review DcSpecDefects");
        }
        object(responses.path("200"), where + " 200");
        responses.putObject("204").put("description", "Returned when the vote was added (DcSpecDefects).");
    }

    /**
     * {@code NotificationSchemeBean.notificationSchemeEvents} is declared a bare object, while Jira returns the list of
     * events (with {@code expand=notificationSchemeEvents}), as the Cloud document declares it: it becomes an array of
     * objects.
     */
    static void fixNotificationSchemeEvents(ObjectNode spec) {
        ObjectNode bean = schema(spec, "NotificationSchemeBean");
        ObjectNode events = object(bean.path("properties").path("notificationSchemeEvents"),
                "NotificationSchemeBean.notificationSchemeEvents");
        if (!"object".equals(events.path("type").asText())) {
            throw new IllegalStateException("DC spec workaround target NotificationSchemeBean.notificationSchemeEvents is "
                    + "no longer a bare object: the spec changed, review DcSpecDefects");
        }
        ObjectNode item = NODES.objectNode().put("type", "object");
        ((ObjectNode) bean.path("properties")).set("notificationSchemeEvents", arrayOf(item));
    }

    static void deduplicateOperationIds(ObjectNode spec) {
        Set<String> seen = new HashSet<>();
        for (Iterator<JsonNode> paths = spec.path("paths").elements(); paths.hasNext(); ) {
            JsonNode item = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = item.fields(); ops.hasNext(); ) {
                JsonNode operation = ops.next().getValue();
                if (!(operation instanceof ObjectNode o) || !o.path("operationId").isTextual()) {
                    continue;
                }
                String id = o.get("operationId").asText();
                String unique = id;
                for (int n = 2; !seen.add(unique); n++) {
                    unique = id + "_dup" + n;
                }
                o.put("operationId", unique);
            }
        }
    }

    private static void relaxFieldMap(ObjectNode spec, String schemaName) {
        ObjectNode fields = object(schema(spec, schemaName).path("properties").path("fields"),
                schemaName + ".fields");
        fields.set("additionalProperties", NODES.objectNode());
    }

    private static void completeServerInfo(ObjectNode spec) {
        ObjectNode bean = schema(spec, "ServerInfoBean");
        ObjectNode props = NODES.objectNode();
        for (String text : List.of("baseUrl", "version", "deploymentType", "buildDate", "serverTime", "scmInfo",
                "serverTitle")) {
            props.set(text, NODES.objectNode().put("type", "string"));
        }
        props.set("buildNumber", NODES.objectNode().put("type", "integer"));
        ObjectNode versionNumbers = NODES.objectNode().put("type", "array");
        versionNumbers.set("items", NODES.objectNode().put("type", "integer"));
        props.set("versionNumbers", versionNumbers);
        bean.set("properties", props);
        bean.set("required", NODES.arrayNode().add("baseUrl").add("version").add("versionNumbers")
                .add("deploymentType"));
    }

    private static void relaxIssuePropertyBody(ObjectNode spec) {
        String where = "PUT /api/2/issue/{issueIdOrKey}/properties/{propertyKey} request body";
        ObjectNode media = object(spec.path("paths").path("/api/2/issue/{issueIdOrKey}/properties/{propertyKey}")
                .path("put").path("requestBody").path("content").path("application/json"), where);
        media.set("schema", NODES.objectNode());
    }

    /**
     * {@code EntityPropertyBean.value} is declared a string, while Jira returns the stored JSON value itself (object,
     * array, number...): relaxed to any JSON, the key is still checked.
     */
    private static void relaxEntityPropertyValue(ObjectNode spec) {
        ObjectNode props = object(schema(spec, "EntityPropertyBean").path("properties"), "EntityPropertyBean.properties");
        object(props.path("value"), "EntityPropertyBean.value");
        props.set("value", NODES.objectNode());
    }

    /**
     * {@code POST /issue/bulk} 400: Jira's bulk result with at least one failed element, or an ErrorCollection.
     */
    private static void declareBulkCreateError(ObjectNode spec) {
        String where = "POST /api/2/issue/bulk 400";
        ObjectNode response = object(spec.path("paths").path("/api/2/issue/bulk").path("post").path("responses")
                .path("400"), where);
        if (response.has("content")) {
            throw new IllegalStateException("DC spec workaround target " + where + " declares a body now: the spec "
                    + "changed, review DcSpecDefects");
        }
        schema(spec, "IssueCreateResponse");
        ObjectNode errorCollection = strictObject("errorMessages", "errors");
        ObjectNode ecProps = (ObjectNode) errorCollection.get("properties");
        ecProps.set("errorMessages", arrayOf(NODES.objectNode().put("type", "string")));
        ObjectNode fieldErrors = ecProps.putObject("errors").put("type", "object");
        fieldErrors.putObject("additionalProperties").put("type", "string");
        ecProps.putObject("status").put("type", "integer");
        ecProps.set("warningMessages", arrayOf(NODES.objectNode().put("type", "string")));

        ObjectNode element = strictObject("status", "elementErrors", "failedElementNumber");
        ObjectNode elProps = (ObjectNode) element.get("properties");
        elProps.putObject("status").put("type", "integer");
        elProps.set("elementErrors", errorCollection.deepCopy());
        elProps.putObject("failedElementNumber").put("type", "integer");

        ObjectNode bulk = strictObject("issues", "errors");
        ObjectNode bulkProps = (ObjectNode) bulk.get("properties");
        bulkProps.set("issues", arrayOf(ref("IssueCreateResponse")));
        bulkProps.set("errors", arrayOf(element).put("minItems", 1));

        ObjectNode schema = NODES.objectNode();
        schema.putArray("oneOf").add(bulk).add(errorCollection);
        response.putObject("content").putObject("application/json").set("schema", schema);
    }

    /** {@code IssueBean.renderedFields} values: string, object or array (not only object). */
    private static void relaxRenderedFields(ObjectNode spec) {
        ObjectNode rendered = object(schema(spec, "IssueBean").path("properties").path("renderedFields"),
                "IssueBean.renderedFields");
        object(rendered.path("additionalProperties"), "IssueBean.renderedFields.additionalProperties");
        ObjectNode value = NODES.objectNode();
        value.putArray("anyOf").add(NODES.objectNode().put("type", "string"))
                .add(NODES.objectNode().put("type", "object"))
                .add(arrayOf(NODES.objectNode()));
        rendered.set("additionalProperties", value);
    }

    /**
     * {@code VersionBean.releaseDate} / {@code startDate} are declared {@code date-time}, but Jira reads and writes them
     * as dates ({@code "releaseDate":"2010-07-06"}, with {@code userReleaseDate} the display form): the format becomes
     * {@code date}, so a date-time there is still reported.
     */
    private static void versionDatesAreDates(ObjectNode spec) {
        ObjectNode properties = object(schema(spec, "VersionBean").path("properties"), "VersionBean.properties");
        for (String name : List.of("releaseDate", "startDate")) {
            ObjectNode date = object(properties.path(name), "VersionBean." + name);
            if (!"date-time".equals(date.path("format").asText())) {
                throw new IllegalStateException("DC spec workaround target VersionBean." + name + " is no longer date-time");
            }
            date.put("format", "date");
        }
        // PUT /version/{id} declares its 200 without a body, but answers the updated version (as POST /version/{id}/move does)
        ObjectNode ok = object(spec.path("paths").path("/api/2/version/{id}").path("put").path("responses").path("200"),
                "PUT /api/2/version/{id} 200");
        if (ok.has("content")) {
            throw new IllegalStateException("DC spec workaround target PUT /api/2/version/{id} 200 declares a body now");
        }
        ok.putObject("content").putObject("application/json").set("schema", ref("VersionBean"));
    }

    /** Remote issue links: GET answers one bean or an array; POST answers 201 on create; the bean gets its members. */
    static void fixRemoteLinks(ObjectNode spec) {
        String path = "/api/2/issue/{issueIdOrKey}/remotelink";
        ObjectNode list = jsonMedia(spec, op("get", path, "200"));
        list.set("schema", oneOrMany(list.get("schema")));

        String where = "POST " + path + " responses";
        ObjectNode responses = object(spec.path("paths").path(path).path("post").path("responses"), where);
        if (responses.has("201")) {
            throw new IllegalStateException("DC spec workaround target " + where + " declares 201 now: the spec changed, "
                    + "review DcSpecDefects");
        }
        ObjectNode created = object(responses.path("200"), where + " 200").deepCopy();
        created.put("description", "Returned when the remote issue link was created (DcSpecDefects).");
        responses.set("201", created);

        ObjectNode bean = schema(spec, "RemoteIssueLinkBean");
        if (bean.has("properties")) {
            throw new IllegalStateException("DC spec workaround target RemoteIssueLinkBean declares properties now: the "
                    + "spec changed, review DcSpecDefects");
        }
        ObjectNode props = bean.putObject("properties");
        props.putObject("id").put("type", "integer");
        props.putObject("self").put("type", "string");
        props.putObject("globalId").put("type", "string");
        props.putObject("relationship").put("type", "string");
        props.set("application", ref("Application"));
        props.set("object", ref("RemoteObject"));
    }

    /** A schema accepting {@code item} or an array of {@code item}. */
    static ObjectNode oneOrMany(JsonNode item) {
        ObjectNode schema = NODES.objectNode();
        schema.putArray("oneOf").add(item.deepCopy()).add(arrayOf(item.deepCopy()));
        return schema;
    }

    /**
     * {@code GET /group/member} declares {@code groupname} a path parameter, though its path has no such segment and
     * Jira reads it from the query ({@code group/member?groupname=jira-users}): it becomes a query parameter.
     */
    private static void groupMemberNameInQuery(ObjectNode spec) {
        String where = "GET /api/2/group/member parameter groupname";
        for (JsonNode p : spec.path("paths").path("/api/2/group/member").path("get").path("parameters")) {
            if ("groupname".equals(p.path("name").asText()) && "path".equals(p.path("in").asText())) {
                ((ObjectNode) p).put("in", "query");
                return;
            }
        }
        throw new IllegalStateException("DC spec workaround target " + where + " not found in the document: "
                + "the spec changed, review DcSpecDefects");
    }

    /** {@code GET /issue/{key}/transitions}: query parameter {@code expand=transitions.fields}. */
    private static void allowTransitionsFieldsExpand(ObjectNode spec) {
        String where = "GET /api/2/issue/{issueIdOrKey}/transitions parameters";
        JsonNode parameters = spec.path("paths").path("/api/2/issue/{issueIdOrKey}/transitions").path("get")
                .path("parameters");
        if (!(parameters instanceof ArrayNode list)) {
            throw new IllegalStateException("DC spec workaround target " + where + " not found in the document: "
                    + "the spec changed, review DcSpecDefects");
        }
        for (JsonNode p : list) {
            if ("expand".equals(p.path("name").asText()) && "query".equals(p.path("in").asText())) {
                throw new IllegalStateException("DC spec workaround target " + where + " declares expand now: the "
                        + "spec changed, review DcSpecDefects");
            }
        }
        ObjectNode expand = list.addObject().put("name", "expand").put("in", "query")
                .put("description", "transitions.fields: the fields of each transition's screen (DcSpecDefects)");
        expand.putObject("schema").put("type", "string").putArray("enum").add("transitions.fields");
    }

    private static ObjectNode strictObject(String... required) {
        ObjectNode n = NODES.objectNode().put("type", "object");
        n.putObject("properties");
        ArrayNode names = n.putArray("required");
        for (String r : required) {
            names.add(r);
        }
        n.put("additionalProperties", false);
        return n;
    }

    private static ObjectNode arrayOf(JsonNode items) {
        ObjectNode n = NODES.objectNode().put("type", "array");
        n.set("items", items);
        return n;
    }

    private static ObjectNode pageOf(JsonNode item) {
        ObjectNode page = NODES.objectNode().put("type", "object");
        ObjectNode props = page.putObject("properties");
        props.putObject("self").put("type", "string");
        props.putObject("nextPage").put("type", "string");
        props.putObject("startAt").put("type", "integer");
        props.putObject("maxResults").put("type", "integer");
        props.putObject("total").put("type", "integer");
        props.putObject("isLast").put("type", "boolean");
        ObjectNode values = props.putObject("values").put("type", "array");
        values.set("items", item);
        page.set("required", NODES.arrayNode().add("values"));
        return page;
    }

    private static ObjectNode ref(String schemaName) {
        return NODES.objectNode().put("$ref", "#/components/schemas/" + schemaName);
    }

    private static ObjectNode jsonMedia(ObjectNode spec, Target op) {
        String where = op.describe();
        ObjectNode media = object(spec.path("paths").path(op.path()).path(op.method()).path("responses")
                .path(op.status())
                .path("content").path("application/json"), where);
        if (!media.hasNonNull("schema")) {
            throw new IllegalStateException("DC spec workaround target " + where + " has no schema any more");
        }
        return media;
    }

    private static ObjectNode schema(ObjectNode spec, String name) {
        return object(spec.path("components").path("schemas").path(name), "schema " + name);
    }

    private static ObjectNode object(JsonNode node, String where) {
        if (node instanceof ObjectNode o) {
            return o;
        }
        throw new IllegalStateException("DC spec workaround target " + where + " not found in the document: "
                + "the spec changed, review DcSpecDefects");
    }
}
