package dev.cameljira.sandbox.spec;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Checks one exchange against the operation it was matched to: the swagger validator's verdict on request and
 * response, minus what was withheld from it on purpose (multipart and binary bodies) and what other rules own
 * (rich text: {@link RichText}; error statuses without a declared schema: {@link ErrorCollection}), plus those
 * rules and the Content-Type checks.
 */
final class OperationCheck {

    private static final Pattern MESSAGE_PATH = Pattern.compile("^\\[Path '([^']*)'\\]");

    private final SpecDocument spec;
    private final HttpExchangeRecord exchange;
    private final Request.Method method;
    private final String specPath;
    private final String restPath;
    private final ApiOperation operation;
    private final RichText.Format richText;
    private final Violations out;

    OperationCheck(SpecDocument spec, HttpExchangeRecord exchange, Request.Method method, String specPath,
            String restPath, ApiOperation operation, RichText.Format richText, Violations out) {
        this.spec = spec;
        this.exchange = exchange;
        this.method = method;
        this.specPath = specPath;
        this.restPath = restPath;
        this.operation = operation;
        this.richText = richText;
        this.out = out;
    }

    void run(boolean withResponse) {
        checkRequest();
        if (withResponse) {
            checkResponse();
        }
    }

    private void checkRequest() {
        String contentType = exchange.requestHeader("Content-Type");
        boolean multipart = JsonBodies.isMultipart(contentType);
        boolean hasBody = !JsonBodies.isEmpty(exchange.requestBody());
        JsonNode json = multipart ? null : JsonBodies.parse(exchange.requestBody());

        SimpleRequest.Builder request = new SimpleRequest.Builder(method, specPath);
        forEach(exchange.requestHeaders(), request::withHeader);
        forEach(exchange.query(), (name, values) -> request.withQueryParam(name, singleValued(name, values)));
        if (hasBody && !multipart) {
            // the validator does not parse multipart: withheld
            request.withBody(JsonBodies.forSchemaValidation(exchange.requestBody(), json));
        }
        if (hasBody && contentType == null) {
            out.request("jira.request.contentType.missing",
                    "the request has a body but no Content-Type (Jira answers 415 without application/json)");
            if (json != null) {
                request.withContentType("application/json"); // still check the body
            }
        }
        RichText.Result rich = json != null && (contentType == null || JsonBodies.isJson(contentType))
                ? richText(true, json)
                : RichText.Result.NONE;

        for (ValidationReport.Message message : errors(spec.validateRequest(request.build(), operation))) {
            if (multipart && message.getKey().equals("validation.request.body.missing")) {
                continue; // the multipart body was withheld on purpose
            }
            if (isRichTextTypeError(message, rich)) {
                continue; // rich text is RichText's business (ADF on v3, strings on v2)
            }
            out.request(message.getKey(), text(message));
        }
        if (multipart) {
            Multipart.check(exchange, restPath, out);
        }
        rich.problems().forEach(problem -> out.request(richTextKey(), problem));
    }

    private void checkResponse() {
        int status = exchange.status();
        String contentType = exchange.responseHeader("Content-Type");
        boolean hasBody = !JsonBodies.isEmpty(exchange.responseBody());
        // attachment downloads are the file's bytes whatever their content type (a .json attachment is still a file);
        // their errors are Jira's JSON like any other
        boolean binary = JsonBodies.isBinary(contentType) || (status < 400 && (restPath.contains("/attachment/content/")
                || restPath.contains("/attachment/thumbnail/")));
        JsonNode json = hasBody && !binary ? JsonBodies.parse(exchange.responseBody()) : null;

        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        forEach(exchange.responseHeaders(), response::withHeader);
        if (hasBody && !binary) {
            // binary content (attachments) is not validated
            response.withBody(JsonBodies.forSchemaValidation(exchange.responseBody(), json));
        }
        if (hasBody && status == 204) {
            out.response("jira.response.noContent", "a 204 No Content response must not carry a body");
        }
        if (hasBody && contentType == null) {
            out.response("jira.response.contentType.missing",
                    "the response has a body but no Content-Type (Jira sends application/json)");
            if (json != null) {
                response.withContentType("application/json"); // still check the body
            }
        }
        ApiResponse declared = declared(status);
        boolean undeclaredError = status >= 400 && !hasSchema(declared);
        // Atlassian declares "no content" as a JSON body with the empty schema {} (204s, PUT issue, POST issueLink)
        boolean emptyBodyAllowed = status == 204 || declaresOnlyAnyJson(declared);
        RichText.Result rich = status < 300 && json != null ? richText(false, json) : RichText.Result.NONE;

        for (ValidationReport.Message message : errors(spec.validateResponse(response.build(), operation))) {
            String key = message.getKey();
            if (undeclaredError && (key.equals("validation.response.status.unknown")
                    || key.equals("validation.response.body.unexpected"))) {
                continue; // an error status without a declared schema: held to the ErrorCollection shape below
            }
            if (key.equals("validation.response.body.missing") && (binary || emptyBodyAllowed)) {
                continue; // binary body withheld on purpose, or an empty body where any JSON is declared
            }
            if (key.equals("validation.response.body.unexpected") && !JsonBodies.isJson(contentType)) {
                continue; // undescribed non-JSON content such as a downloaded text file
            }
            if (isRichTextTypeError(message, rich)) {
                continue; // rich text is RichText's business (ADF on v3, strings on v2)
            }
            out.response(key, text(message));
        }
        boolean jsonBody = JsonBodies.isJson(contentType) || (contentType == null && json != null);
        if (undeclaredError && hasBody && jsonBody) {
            ErrorCollection.problems(json)
                    .forEach(problem -> out.response(JiraSpecValidator.ERROR_COLLECTION, problem));
        }
        rich.problems().forEach(problem -> out.response(richTextKey(), problem));
    }

    private RichText.Result richText(boolean request, JsonNode body) {
        return RichText.check(richText, method.name(), operation.getApiPath().original(), request, body);
    }

    private String richTextKey() {
        return JiraSpecValidator.RICH_TEXT + "." + richText.name().toLowerCase(Locale.ROOT);
    }

    private ApiResponse declared(int status) {
        ApiResponses responses = operation.getOperation().getResponses();
        if (responses == null) {
            return null;
        }
        ApiResponse response = responses.get(Integer.toString(status));
        return response != null ? response : responses.get("default");
    }

    private static boolean hasSchema(ApiResponse response) {
        if (response == null || response.getContent() == null) {
            return false;
        }
        for (MediaType media : response.getContent().values()) {
            if (media != null && media.getSchema() != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean declaresOnlyAnyJson(ApiResponse response) {
        if (response == null || response.getContent() == null || response.getContent().isEmpty()) {
            return false;
        }
        for (MediaType media : response.getContent().values()) {
            Schema<?> schema = media == null ? null : media.getSchema();
            if (schema != null && !isEmptySchema(schema)) {
                return false;
            }
        }
        return true;
    }

    /** The schema {@code {}}: no type, reference, properties, items or combinators. */
    private static boolean isEmptySchema(Schema<?> schema) {
        return schema.get$ref() == null && schema.getType() == null
                && (schema.getTypes() == null || schema.getTypes().isEmpty())
                && schema.getProperties() == null && schema.getItems() == null
                && schema.getAllOf() == null && schema.getAnyOf() == null && schema.getOneOf() == null
                && schema.getAdditionalProperties() == null;
    }

    /** A schema type error at a rich-text value: reported by {@link RichText} instead (v2: the relaxation). */
    private static boolean isRichTextTypeError(ValidationReport.Message message, RichText.Result rich) {
        return message.getKey().endsWith(".body.schema.type") && rich.pointers().contains(pointer(message));
    }

    /** The JSON pointer into the body a schema message is about, or "" when it has none. */
    private static String pointer(ValidationReport.Message message) {
        return message.getContext()
                .flatMap(ValidationReport.MessageContext::getPointers)
                .map(ValidationReport.MessageContext.Pointers::getInstance)
                .filter(instance -> !instance.isEmpty())
                .orElseGet(() -> {
                    Matcher m = MESSAGE_PATH.matcher(message.getMessage());
                    return m.find() ? m.group(1) : "";
                });
    }

    private static List<ValidationReport.Message> errors(ValidationReport report) {
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR).toList();
    }

    /** The validator's message, naming the parameter it is about, with nested messages (oneOf/allOf) folded in. */
    private static String text(ValidationReport.Message message) {
        StringBuilder text = new StringBuilder(message.getMessage());
        message.getContext().flatMap(ValidationReport.MessageContext::getParameter).ifPresent(parameter -> text
                .append(" (").append(parameter.getIn()).append(" parameter ").append(parameter.getName()).append(')'));
        for (ValidationReport.Message nested : message.getNestedMessages()) {
            text.append(" | ").append(text(nested));
        }
        return text.toString();
    }

    /**
     * A query parameter the document declares single-valued but the client repeated ({@code expand=a&expand=b}, as
     * jira.js sends arrays): Jira does not refuse it. Its JAX-RS resources bind a single-valued parameter to the
     * first value, and the REST layer's expand filter reads every {@code expand} value as one comma-separated list
     * (which is what the sandbox serves), so repeated values are checked as that list (expand) or as the first value.
     */
    private List<String> singleValued(String name, List<String> values) {
        if (values.size() < 2 || declaredArray(name)) {
            return values;
        }
        return List.of("expand".equals(name) ? String.join(",", values) : values.get(0));
    }

    private boolean declaredArray(String name) {
        var parameters = operation.getOperation().getParameters();
        return parameters != null && parameters.stream().anyMatch(p -> "query".equals(p.getIn()) && name.equals(p.getName())
                && p.getSchema() != null && "array".equals(p.getSchema().getType()));
    }

    private interface MultiValueSink {
        Object accept(String name, List<String> values);
    }

    private static void forEach(Map<String, List<String>> map, MultiValueSink sink) {
        if (map == null) {
            return;
        }
        map.forEach((key, values) -> {
            if (key != null && values != null) {
                sink.accept(key, values.stream().filter(Objects::nonNull).toList());
            }
        });
    }
}
