package dev.cameljira.sandbox.spec;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.ApiOperationMatch;
import com.atlassian.oai.validator.model.Request;

/**
 * Validates HTTP exchanges with Jira against Atlassian's published OpenAPI documents in {@code shared/oracles}
 * (located by {@link Oracles}; a test using a validator is skipped when they are missing, or fails under CI).
 *
 * <p>What is checked, per exchange:
 * <ul>
 *   <li>Routing. Only Jira REST paths are Jira's business: everything from the first {@code /rest/} segment on
 *       (so a context path such as {@code /jira} or Cloud's {@code /ex/jira/{cloudId}} is ignored). Any other path
 *       (Zendesk {@code /api/v2/...}, ServiceNow {@code /api/now/...}, Jira web pages) yields no violations.</li>
 *   <li>{@link #cloud()}: paths against the Cloud platform v3 document (with the narrow fix of
 *       {@link CloudSpecDefects}). {@code /rest/api/2/...} (and {@code /rest/api/latest/...}, which Cloud serves as
 *       version 2: python-jira calls it) has no published document; it is validated against
 *       the v3 operation of the same name (prefix rewritten) with rich text expected as wiki strings instead of
 *       ADF: {@link RichText} checks description, environment, comment bodies and worklog comments, and a schema
 *       type error at exactly those values is dropped; everything else is held to the v3 schemas.</li>
 *   <li>{@link #dataCenter()}: {@code /rest/...} against the DC 10.3 document (paths {@code /api/2/...} under base
 *       path {@code /rest}; {@code /rest/api/latest} is treated as {@code /rest/api/2}), with the narrow fixes of
 *       {@link DcSpecDefects}.</li>
 *   <li>An operation the document does not have: violation {@value #UNKNOWN}. A deprecated one (e.g. Cloud
 *       {@code GET /rest/api/3/project}, {@code /rest/api/3/search}): violation {@value #DEPRECATED}.</li>
 *   <li>Request: path and query parameters, headers, content type and JSON body, by the swagger request
 *       validator; security requirements are ignored (authentication is tested elsewhere). Multipart bodies are
 *       not parsed by it: {@link Multipart} checks the XSRF header and the {@code file} part instead.</li>
 *   <li>Response ({@link #validate} when {@code status > 0}): status, content type and JSON body. 4xx/5xx are
 *       validated against the document where it declares a schema for that status; otherwise a JSON body must be
 *       Jira's ErrorCollection ({@link ErrorCollection}) (non-JSON error pages are let through). Binary
 *       responses (attachment content) skip the body. A body without Content-Type is a violation and is then
 *       read as JSON. Atlassian writes "no content" as the empty schema {@code {}}: such responses (and every
 *       204, which must have no body) may be empty.</li>
 *   <li>Null members of JSON bodies count as absent: Jira writes null where the documents declare plain types
 *       without {@code nullable} (see {@link JsonBodies#forSchemaValidation}).</li>
 *   <li>The admin webhook API {@code /rest/webhooks/1.0/webhook[/{id}]}, in neither document, is held to the
 *       hand-written contract in {@link AdminWebhookApi}.</li>
 * </ul>
 *
 * <p>Each violation is one line: {@code "<METHOD> <path> request: <rule key>: <message>"} or
 * {@code "<METHOD> <path> response <status>: <rule key>: <message>"}; rule keys are the validator's
 * ({@code validation.request.body.schema.type}, ...) or ours ({@code jira.*}).
 *
 * <p>Instances are immutable, thread-safe and cached per JVM: each document is parsed once (about a second),
 * after which validating an exchange costs milliseconds.
 */
public final class JiraSpecValidator {

    /** Rule key: the document has no such path or method. */
    public static final String UNKNOWN = "jira.operation.unknown";
    /** Rule key: the operation is marked deprecated in the document. */
    public static final String DEPRECATED = "jira.operation.deprecated";
    /** Rule key: an error response without a declared schema is not Jira's ErrorCollection. */
    public static final String ERROR_COLLECTION = "jira.response.errorCollection";
    /** Rule key prefix of the rich-text checks ({@code jira.richText.adf}, {@code jira.richText.wiki}). */
    public static final String RICH_TEXT = "jira.richText";

    private static final Lazy CLOUD = new Lazy(() -> new JiraSpecValidator("Jira Cloud platform",
            SpecDocument.load(Oracles.require(Oracles.CLOUD_SPEC), null, CloudSpecDefects::apply),
            List.of(new Mount("/rest/api/2/", "/rest/api/3/", RichText.Format.WIKI),
                    new Mount("/rest/api/latest/", "/rest/api/3/", RichText.Format.WIKI),
                    new Mount("/rest/", "/rest/", RichText.Format.ADF))));

    private static final Lazy DATA_CENTER = new Lazy(() -> new JiraSpecValidator("Jira Data Center 10.3",
            SpecDocument.load(Oracles.require(Oracles.DC_SPEC), "/rest", DcSpecDefects::apply),
            List.of(new Mount("/rest/api/latest/", "/rest/api/2/", RichText.Format.WIKI),
                    new Mount("/rest/", "/rest/", RichText.Format.WIKI))));

    /** Wire paths starting with {@code wirePrefix} are validated as {@code specPrefix + rest}. */
    private record Mount(String wirePrefix, String specPrefix, RichText.Format richText) {
    }

    private final String name;
    private final SpecDocument spec;
    private final List<Mount> mounts;

    private JiraSpecValidator(String name, SpecDocument spec, List<Mount> mounts) {
        this.name = name;
        this.spec = spec;
        this.mounts = mounts;
    }

    /**
     * Validator for Jira Cloud: /rest/api/3 against the v3 spec, /rest/api/2 against the same operations with
     * rich-text checks relaxed. Parsed on first use; a missing oracle skips the calling test (fails under CI).
     */
    public static JiraSpecValidator cloud() {
        return CLOUD.get();
    }

    /**
     * Validator for Jira Data Center / Server: /rest/api/2 against the DC 10.3 spec. Parsed on first use; a
     * missing oracle skips the calling test (fails under CI).
     */
    public static JiraSpecValidator dataCenter() {
        return DATA_CENTER.get();
    }

    /** Violations of the request (and, when {@code status > 0}, of the response); empty when it conforms. */
    public List<String> validate(HttpExchangeRecord exchange) {
        return check(exchange, true);
    }

    /** Violations of the request alone. */
    public List<String> validateRequest(HttpExchangeRecord exchange) {
        return check(exchange, false);
    }

    /** Throws an {@link AssertionError} listing every violation of {@link #validate} when there is any. */
    public void assertValid(HttpExchangeRecord exchange) {
        List<String> violations = validate(exchange);
        if (!violations.isEmpty()) {
            throw new AssertionError(name + " spec violations:\n  " + String.join("\n  ", violations));
        }
    }

    @Override
    public String toString() {
        return "JiraSpecValidator[" + name + "]";
    }

    private List<String> check(HttpExchangeRecord exchange, boolean withResponse) {
        Objects.requireNonNull(exchange, "exchange");
        if (exchange.method() == null || exchange.method().isBlank()) {
            throw new IllegalArgumentException("HttpExchangeRecord.method is required");
        }
        String path = exchange.path();
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("HttpExchangeRecord.path must be an absolute path, got " + path);
        }
        if (path.indexOf('?') >= 0) {
            throw new IllegalArgumentException("HttpExchangeRecord.path must not carry the query string "
                    + "(put it in query): " + path);
        }
        String restPath = restPath(path);
        if (restPath == null) {
            return List.of(); // not Jira REST (Zendesk, ServiceNow, web pages): not Jira's contract
        }
        String method = exchange.method().toUpperCase(Locale.ROOT);
        Violations out = new Violations(method, path, exchange.status());
        if (AdminWebhookApi.covers(restPath)) {
            AdminWebhookApi.check(exchange, restPath, withResponse, out);
            return out.list();
        }
        Mount mount = mounts.stream().filter(m -> restPath.startsWith(m.wirePrefix())).findFirst().orElseThrow();
        String specPath = mount.specPrefix() + restPath.substring(mount.wirePrefix().length());
        Request.Method requestMethod;
        try {
            requestMethod = Request.Method.valueOf(method);
        } catch (IllegalArgumentException e) {
            out.request(UNKNOWN, "no such operation: unsupported HTTP method " + method);
            return out.list();
        }
        ApiOperationMatch match = spec.find(specPath, requestMethod);
        if (!match.isPathFound()) {
            out.request(UNKNOWN, "no such operation in the " + name + " spec: no path matches " + specPath);
            return out.list();
        }
        if (!match.isOperationAllowed()) {
            out.request(UNKNOWN, "no such operation in the " + name + " spec: " + method + " is not defined for "
                    + specPath);
            return out.list();
        }
        ApiOperation operation = match.getApiOperation();
        if (Boolean.TRUE.equals(operation.getOperation().getDeprecated())) {
            out.request(DEPRECATED, "operation " + operation.getOperation().getOperationId() + " (" + method + " "
                    + operation.getApiPath().original() + ") is deprecated in the " + name + " spec");
        }
        new OperationCheck(spec, exchange, requestMethod, specPath, restPath, operation, mount.richText(), out)
                .run(withResponse && exchange.status() > 0);
        return out.list();
    }

    /** The part of {@code path} from the first {@code /rest/} segment on, or null when there is none. */
    static String restPath(String path) {
        if (path.startsWith("/rest/")) {
            return path;
        }
        int at = path.indexOf("/rest/");
        return at < 0 ? null : path.substring(at);
    }

    /** Builds a validator once; a failure (missing oracle: skip or CI failure) is not cached. */
    private static final class Lazy {
        private final Supplier<JiraSpecValidator> factory;
        private volatile JiraSpecValidator value;

        Lazy(Supplier<JiraSpecValidator> factory) {
            this.factory = factory;
        }

        JiraSpecValidator get() {
            JiraSpecValidator v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = factory.get();
                        value = v;
                    }
                }
            }
            return v;
        }
    }
}
