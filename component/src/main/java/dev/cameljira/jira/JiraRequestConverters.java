package dev.cameljira.jira;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cameljira.jira.client.JiraInvalidInputException;
import dev.cameljira.jira.client.JiraJson;
import dev.cameljira.jira.model.AddCommentRequest;
import dev.cameljira.jira.model.AddWorklogRequest;
import dev.cameljira.jira.model.SearchRequest;
import org.apache.camel.Converter;

/**
 * Camel type converters from message bodies to the component's request records, so that a route can send a Map, a
 * JSON node or JSON text (String, byte[], InputStream; UTF-8) where a request record is expected, or call
 * {@code convertBodyTo(SearchRequest.class)}. Registered the Camel way: the loader is generated
 * ({@code generateLoader = true}) and listed in {@code META-INF/services/org/apache/camel/TypeConverterLoader}.
 *
 * <p>Text that is a JSON object (its first non-blank character is a brace) is read as the record; any other text is
 * the record's main text: the JQL of a {@link SearchRequest}, the body of an {@link AddCommentRequest}, the comment of
 * an {@link AddWorklogRequest} (camel-jira's String bodies). A JSON object with an unknown key, a value of the wrong
 * type or JSON that does not parse is refused with a {@link JiraInvalidInputException} naming the record, the key and
 * what was wrong (Camel wraps it in a TypeConversionException).
 */
@Converter(generateLoader = true)
public final class JiraRequestConverters {

    private static final ObjectMapper MAPPER = JiraJson.mapper().copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JiraRequestConverters() {
    }

    // ---- SearchRequest ----

    @Converter
    public static SearchRequest searchRequest(String text) {
        return fromText(text, SearchRequest.class, t -> SearchRequest.of(t.strip()));
    }

    @Converter
    public static SearchRequest searchRequest(byte[] bytes) {
        return searchRequest(utf8(bytes));
    }

    @Converter
    public static SearchRequest searchRequest(InputStream in) {
        return searchRequest(read(in, SearchRequest.class));
    }

    @Converter
    public static SearchRequest searchRequest(Map<?, ?> map) {
        return fromTree(MAPPER.valueToTree(map), SearchRequest.class);
    }

    @Converter
    public static SearchRequest searchRequest(JsonNode node) {
        return fromTree(node, SearchRequest.class);
    }

    // ---- AddCommentRequest ----

    @Converter
    public static AddCommentRequest addCommentRequest(String text) {
        return fromText(text, AddCommentRequest.class, t -> AddCommentRequest.of(null, t));
    }

    @Converter
    public static AddCommentRequest addCommentRequest(byte[] bytes) {
        return addCommentRequest(utf8(bytes));
    }

    @Converter
    public static AddCommentRequest addCommentRequest(InputStream in) {
        return addCommentRequest(read(in, AddCommentRequest.class));
    }

    @Converter
    public static AddCommentRequest addCommentRequest(Map<?, ?> map) {
        return fromTree(MAPPER.valueToTree(map), AddCommentRequest.class);
    }

    @Converter
    public static AddCommentRequest addCommentRequest(JsonNode node) {
        return fromTree(node, AddCommentRequest.class);
    }

    // ---- AddWorklogRequest ----

    @Converter
    public static AddWorklogRequest addWorklogRequest(String text) {
        return fromText(text, AddWorklogRequest.class,
                t -> new AddWorklogRequest(null, null, null, null, TextNode.valueOf(t), null));
    }

    @Converter
    public static AddWorklogRequest addWorklogRequest(byte[] bytes) {
        return addWorklogRequest(utf8(bytes));
    }

    @Converter
    public static AddWorklogRequest addWorklogRequest(InputStream in) {
        return addWorklogRequest(read(in, AddWorklogRequest.class));
    }

    @Converter
    public static AddWorklogRequest addWorklogRequest(Map<?, ?> map) {
        return fromTree(MAPPER.valueToTree(map), AddWorklogRequest.class);
    }

    @Converter
    public static AddWorklogRequest addWorklogRequest(JsonNode node) {
        return fromTree(node, AddWorklogRequest.class);
    }

    // ---- shared ----

    /** Whether text is meant as a JSON object: its first character after blanks (and a byte-order mark) is a brace. */
    public static boolean isJsonObject(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c == '{';
            }
        }
        return false;
    }

    private static <T> T fromText(String text, Class<T> type, java.util.function.Function<String, T> plain) {
        if (!isJsonObject(text)) {
            if (text.isBlank()) {
                throw new JiraInvalidInputException("a " + type.getSimpleName() + " cannot be read from a blank body");
            }
            return plain.apply(text);
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text.replace("\uFEFF", ""));
        } catch (JsonProcessingException e) {
            throw new JiraInvalidInputException("the body is not a valid JSON " + type.getSimpleName() + ": "
                                                + e.getOriginalMessage() + location(e));
        }
        return fromTree(tree, type);
    }

    private static <T> T fromTree(JsonNode tree, Class<T> type) {
        if (!(tree instanceof ObjectNode)) {
            throw new JiraInvalidInputException("a " + type.getSimpleName() + " must be a JSON object, was "
                                                + (tree == null ? "nothing" : tree.getNodeType().toString().toLowerCase()));
        }
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            throw new JiraInvalidInputException("a " + type.getSimpleName() + " has no key '" + e.getPropertyName()
                                                + "'; its keys are " + e.getKnownPropertyIds());
        } catch (JsonMappingException e) {
            Throwable root = e.getCause() instanceof IllegalArgumentException iae ? iae : null;
            String key = key(e);
            throw new JiraInvalidInputException("a " + type.getSimpleName() + " cannot be read: "
                                                + (key == null ? "" : "'" + key + "' ")
                                                + (root != null ? root.getMessage() : e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new JiraInvalidInputException("a " + type.getSimpleName() + " cannot be read: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new JiraInvalidInputException("a " + type.getSimpleName() + " cannot be read: " + e.getMessage());
        }
    }

    private static String key(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String read(InputStream in, Class<?> type) {
        try (in) {
            return utf8(in.readAllBytes());
        } catch (IOException e) {
            throw new JiraInvalidInputException("the body stream could not be read as a " + type.getSimpleName() + ": " + e);
        }
    }
}
