package dev.cameljira.jira.operations;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.jira.JiraConfiguration;
import dev.cameljira.jira.JiraOperation;
import dev.cameljira.jira.JiraRequestConverters;
import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.client.JiraInvalidInputException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * What an operation handler works with: the exchange, the endpoint's configuration and the {@link JiraApi}, plus the
 * input look-up shared by every operation. Precedence of a value: (1) a typed request record as body (handled by the
 * operation), (2) a key of a JSON/Map body, (3) a header ({@code CamelJira*} first, then camel-jira's names), (4) the
 * endpoint option.
 */
public final class OperationContext {

    private final Exchange exchange;
    private final JiraConfiguration config;
    private final JiraApi api;
    private final JiraOperation operation;
    private ObjectNode bodyObject;
    private boolean bodyParsed;

    public OperationContext(Exchange exchange, JiraConfiguration config, JiraApi api, JiraOperation operation) {
        this.exchange = exchange;
        this.config = config;
        this.api = api;
        this.operation = operation;
    }

    public Exchange exchange() {
        return exchange;
    }

    public Message in() {
        return exchange.getIn();
    }

    public JiraConfiguration config() {
        return config;
    }

    public JiraApi api() {
        return api;
    }

    public JiraOperation operation() {
        return operation;
    }

    public Object body() {
        return exchange.getIn().getBody();
    }

    /** The body when it is of the given (typed request) type. */
    public <T> Optional<T> typedBody(Class<T> type) {
        Object b = body();
        return type.isInstance(b) ? Optional.of(type.cast(b)) : Optional.empty();
    }

    /**
     * The body as a typed request record: the record itself, or what Camel's type converters make of a Map, a JSON
     * node or JSON text (String, byte[], InputStream; see {@link dev.cameljira.jira.JiraRequestConverters}); empty for
     * no body or a body of another kind. A body that cannot be read as the record is an error naming the operation and
     * what was wrong.
     */
    public <T> Optional<T> requestBody(Class<T> type) {
        Object b = body();
        if (b == null) {
            return Optional.empty();
        }
        if (type.isInstance(b)) {
            return Optional.of(type.cast(b));
        }
        if (!(b instanceof Map<?, ?> || b instanceof JsonNode || b instanceof CharSequence || b instanceof byte[]
              || b instanceof java.io.InputStream)) {
            return Optional.empty();
        }
        try {
            T converted = exchange.getContext().getTypeConverter().mandatoryConvertTo(type, exchange, b);
            if (b instanceof java.io.InputStream) {
                // the stream is read: later look-ups see the record
                exchange.getIn().setBody(converted);
            }
            return Optional.of(converted);
        } catch (org.apache.camel.NoTypeConversionAvailableException e) {
            return Optional.empty();
        } catch (org.apache.camel.TypeConversionException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof JiraInvalidInputException bad) {
                    throw invalid(bad.getMessage());
                }
            }
            throw invalid("the body cannot be read as a " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    /** A parameter from the headers, else the endpoint option; body keys are not looked at (see requestBody). */
    public Optional<String> headerOrOption(JiraParam p) {
        for (String h : p.headers()) {
            Object v = in().getHeader(h);
            if (v != null && !(v instanceof String s && s.isBlank())) {
                return Optional.of(asText(v));
            }
        }
        return Optional.ofNullable(p.fromConfig(config)).filter(v -> !(v instanceof String s && s.isBlank()))
                .map(OperationContext::asText);
    }

    /**
     * The body as a JSON object when it is a Map, a JSON object node, or a String/byte[] holding a JSON object (by
     * {@link JiraRequestConverters#isJsonObject}); else null. Text that starts like JSON but does not parse is an error
     * naming the problem.
     */
    public ObjectNode bodyObject() {
        if (!bodyParsed) {
            bodyParsed = true;
            Object b = body();
            if (b instanceof ObjectNode o) {
                bodyObject = o;
            } else if (b instanceof Map<?, ?> m) {
                bodyObject = api.client().mapper().valueToTree(m);
            } else if (b instanceof CharSequence || b instanceof byte[]) {
                // the same rule as the request converters: text is a JSON object when its first non-blank character is
                // a brace (a byte-order mark and leading blanks allowed, in String and byte[] alike)
                String s = b instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : b.toString();
                if (JiraRequestConverters.isJsonObject(s)) {
                    bodyObject = parseJson(s.replace("\uFEFF", ""));
                }
            }
        }
        return bodyObject;
    }

    private ObjectNode parseJson(String s) {
        try {
            JsonNode n = api.client().mapper().readTree(s);
            return n instanceof ObjectNode o ? o : null;
        } catch (IOException e) {
            throw new JiraInvalidInputException(operation.uriName() + ": the body looks like JSON but does not parse: "
                                                + (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage()));
        }
    }

    /** The raw value of a parameter from the body object, headers or endpoint option, in that order. */
    public Optional<Object> raw(JiraParam p) {
        return messageRaw(p).or(() -> Optional.ofNullable(p.fromConfig(config))
                .filter(v -> !(v instanceof String s && s.isBlank())));
    }

    /**
     * The raw value of a parameter from the body object or headers only, ignoring the endpoint option (which may be a
     * create default, such as issueTypeName, that other operations must not apply).
     */
    public Optional<Object> messageRaw(JiraParam p) {
        ObjectNode o = bodyObject();
        Optional<Object> fromBody = o == null ? Optional.empty() : keyValue(o, p);
        if (fromBody.isPresent()) {
            return fromBody;
        }
        List<String> headers = p.headers();
        for (int i = 0; i < headers.size(); i++) {
            Object v = in().getHeader(headers.get(i));
            if (v != null && !(v instanceof String s && s.isBlank())) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** The value of the first of a parameter's body keys that a JSON object holds; JSON null counts as absent. */
    static Optional<Object> keyValue(JsonNode object, JiraParam p) {
        for (String k : p.bodyKeys()) {
            JsonNode v = object.get(k);
            if (v != null && !v.isNull()) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** A parameter as text. JSON strings give their text, other JSON values their JSON form. */
    public Optional<String> string(JiraParam p) {
        return raw(p).map(OperationContext::asText);
    }

    /** A required parameter as text, or an error naming it and the ways to supply it. */
    public String require(JiraParam p) {
        return string(p).orElseThrow(() -> missing(p));
    }

    /** A list parameter: a collection, a JSON array, or a comma-separated string. */
    public List<String> strings(JiraParam p) {
        return raw(p).map(OperationContext::asList).orElse(List.of());
    }

    public Optional<Boolean> bool(JiraParam p) {
        return raw(p).map(v -> v instanceof Boolean b ? b : Boolean.parseBoolean(asText(v)));
    }

    /** An error for a missing value, naming the operation, the value and the ways to supply it. */
    public JiraInvalidInputException missing(JiraParam p) {
        return new JiraInvalidInputException(operation.uriName() + " needs " + p.description() + ": " + p.ways());
    }

    public JiraInvalidInputException invalid(String message) {
        return new JiraInvalidInputException(operation.uriName() + ": " + message);
    }

    public void setHeader(String name, Object value) {
        if (value != null) {
            exchange.getMessage().setHeader(name, value);
        }
    }

    static String asText(Object v) {
        if (v instanceof JsonNode n) {
            return n.isValueNode() ? n.asText() : n.toString();
        }
        return String.valueOf(v);
    }

    static List<String> asList(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof JsonNode n && n.isArray()) {
            n.forEach(e -> out.add(asText(e)));
        } else if (v instanceof Collection<?> c) {
            c.forEach(e -> out.add(asText(e)));
        } else if (v instanceof Object[] arr) {
            for (Object e : arr) {
                out.add(asText(e));
            }
        } else {
            for (String s : asText(v).split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        out.removeIf(String::isBlank);
        return out;
    }
}
