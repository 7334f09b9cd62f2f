package dev.cameljira.sandbox.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Narrow fixes for defects of Atlassian's Jira Cloud platform v3 document (shared/oracles/jira-openapi/
 * swagger-v3.v3.json). Like {@link DcSpecDefects}, each fix fails loudly if its target disappears.
 *
 * <ul>
 *   <li>{@code ServerInformation} is closed ({@code additionalProperties: false}) but lacks {@code defaultLocale},
 *       which Jira Cloud returns and the document's own {@code GET /serverInfo} example shows
 *       ({@code "defaultLocale":{"locale":"en_AU"}}): the property is added, nothing else is opened.</li>
 *   <li>{@code GET /issue/{key}/remotelink} declares one {@code RemoteIssueLink}, which is what it answers with
 *       {@code ?globalId=}; without it Jira answers every link of the issue as an array (the operation's own
 *       description and example say so): the 200 becomes "a {@code RemoteIssueLink} or an array of them", each still
 *       held to the closed {@code RemoteIssueLink} schema.</li>
 *   <li>{@code JqlQueryClause} forbids every member ({@code additionalProperties: false} beside its {@code anyOf}),
 *       so no parsed query's {@code where} conforms: the flag is dropped ({@link #openJqlQueryClause}).</li>
 * </ul>
 */
final class CloudSpecDefects {

    private CloudSpecDefects() {
    }

    /** Applies every fix to the Cloud document tree in place. */
    static void apply(ObjectNode spec) {
        addDefaultLocale(spec);
        remoteLinksOneOrMany(spec);
        openJqlQueryClause(spec);
    }

    /**
     * {@code JqlQueryClause} (the {@code where} of {@code POST /jql/parse}) is {@code anyOf} the four clause kinds but
     * also {@code additionalProperties: false} without properties of its own, which in JSON Schema forbids every
     * member, so no clause could ever match: the {@code additionalProperties} is dropped; each clause kind is still
     * checked by its own schema.
     */
    static void openJqlQueryClause(ObjectNode spec) {
        JsonNode clause = spec.path("components").path("schemas").path("JqlQueryClause");
        if (!(clause instanceof ObjectNode schema) || !clause.has("anyOf")
                || !clause.path("additionalProperties").isBoolean()) {
            throw new IllegalStateException("Cloud spec workaround target JqlQueryClause (anyOf with additionalProperties"
                    + " false) not found in the document: the spec changed, review CloudSpecDefects");
        }
        schema.remove("additionalProperties");
    }

    static void addDefaultLocale(ObjectNode spec) {
        JsonNode properties = spec.path("components").path("schemas").path("ServerInformation").path("properties");
        if (!(properties instanceof ObjectNode serverInformation)) {
            throw new IllegalStateException("Cloud spec workaround target ServerInformation.properties not found in "
                    + "the document: the spec changed, review CloudSpecDefects");
        }
        ObjectNode defaultLocale = serverInformation.putObject("defaultLocale").put("type", "object");
        defaultLocale.putObject("properties").putObject("locale").put("type", "string");
    }

    static void remoteLinksOneOrMany(ObjectNode spec) {
        JsonNode media = spec.path("paths").path("/rest/api/3/issue/{issueIdOrKey}/remotelink").path("get")
                .path("responses").path("200").path("content").path("application/json");
        if (!(media instanceof ObjectNode json) || !json.path("schema").path("$ref").isTextual()) {
            throw new IllegalStateException("Cloud spec workaround target GET /rest/api/3/issue/{issueIdOrKey}/remotelink"
                    + " 200 (a single schema reference) not found in the document: the spec changed, review "
                    + "CloudSpecDefects");
        }
        json.set("schema", DcSpecDefects.oneOrMany(json.get("schema")));
    }
}
