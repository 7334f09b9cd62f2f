package dev.cameljira.sandbox.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.atlassian.oai.validator.OpenApiInteractionValidator.SpecSource;
import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.interaction.request.RequestValidator;
import com.atlassian.oai.validator.interaction.response.ResponseValidator;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.ApiOperationMatch;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.atlassian.oai.validator.util.OpenApiLoader;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;

/**
 * One parsed OpenAPI document with an operation resolver and the swagger-request-validator's request and response
 * validators (we need the matched operation ourselves, for deprecation, routing and error shapes).
 *
 * <p>The JSON is read with Jackson first so that documented spec defects can be patched in the tree before the
 * swagger parser sees it. Parsed with the validator's own loader and options, except that schema references are
 * kept rather than inlined.
 */
final class SpecDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RECENT_MATCHES = 2048;

    private final RequestValidator requests;
    private final ResponseValidator responses;
    private final ApiOperationResolver resolver;
    private final Map<String, ApiOperationMatch> recent = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, ApiOperationMatch> eldest) {
                    return size() > RECENT_MATCHES;
                }
            });

    private SpecDocument(OpenAPI api, String basePathOverride) {
        withoutSecurityRequirements(api);
        LevelResolver levels = LevelResolver.create()
                // authentication is checked by the sandbox's own auth tests, not against the spec's schemes
                .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                // OpenAPI semantics for objects: closed only where a schema says additionalProperties: false
                // (most Cloud schemas do). Without this the validator injects false into every other schema,
                // and the generated DC document, which never says it, would reject real Jira responses
                // ("expand" on IssueBean, "projectTypeKey" on ProjectBean, ...)
                .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                .build();
        MessageResolver messages = new MessageResolver(levels);
        // the request and response validators that OpenApiInteractionValidator wraps, used directly: that wrapper
        // re-resolves the operation on every call (a regex walk over every path), we resolve once and cache
        SchemaValidator schemas = new SchemaValidator(api, messages);
        this.requests = new RequestValidator(schemas, messages, api, List.of());
        this.responses = new ResponseValidator(schemas, messages, api, List.of());
        this.resolver = new ApiOperationResolver(api, basePathOverride, false);
    }

    /**
     * Authentication is not checked against the document (the level resolver ignores
     * {@code validation.request.security}); dropping the requirements as well spares the validator the work and
     * its INFO log line per request about the unsupported {@code oauth2} scheme of the Cloud document.
     */
    private static void withoutSecurityRequirements(OpenAPI api) {
        api.setSecurity(null);
        if (api.getPaths() != null) {
            api.getPaths().values().forEach(path -> path.readOperations().forEach(op -> op.setSecurity(null)));
        }
    }

    /**
     * Reads {@code file}, lets {@code patch} fix documented defects in the JSON tree, and parses the result.
     *
     * @param basePathOverride the prefix the document's paths live under on the wire ({@code null}: from servers)
     */
    static SpecDocument load(Path file, String basePathOverride, Consumer<ObjectNode> patch) {
        ObjectNode tree;
        try {
            tree = (ObjectNode) JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OpenAPI document " + file, e);
        }
        patch.accept(tree);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        // schemas keep their $refs (the validator injects the components for them): inlining everything, the
        // validator's default, makes the first validation of each issue-bearing operation several times slower
        options.setResolveFully(false);
        options.setResolveCombinators(false);
        OpenAPI api;
        try {
            api = new OpenApiLoader().loadApi(SpecSource.inline(JSON.writeValueAsString(tree)), List.of(), options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise patched OpenAPI document " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot parse OpenAPI document " + file + ": " + e.getMessage(), e);
        }
        return new SpecDocument(api, basePathOverride);
    }

    /** Violations (and ignored messages) of a request against a resolved operation. */
    ValidationReport validateRequest(Request request, ApiOperation operation) {
        return requests.validateRequest(request, operation);
    }

    /** Violations (and ignored messages) of a response against a resolved operation. */
    ValidationReport validateResponse(Response response, ApiOperation operation) {
        return responses.validateResponse(response, operation);
    }

    /**
     * The operation for a wire path (including any base path) and method; never null. Matching walks every path
     * template with regular expressions, so recent answers are kept (tests repeat the same paths).
     */
    ApiOperationMatch find(String path, Request.Method method) {
        String key = method + " " + path;
        ApiOperationMatch match = recent.get(key);
        if (match == null) {
            match = resolver.findApiOperation(path, method);
            recent.put(key, match);
        }
        return match;
    }
}
