package dev.cameljira.sandbox.servicenow;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The two data formats of the Table and Attachment APIs. Responses are JSON or XML as the {@code Accept} header asks
 * (application/json, application/xml or text/xml; {@code *}{@code /*}, {@code application/*}, a missing header and
 * anything {@code +json} mean JSON, {@code text/*} and anything {@code +xml} mean XML; nothing acceptable is a 406).
 * Request bodies are JSON (ServiceNow's reader is lenient: single-quoted strings, as in the documented cURL
 * examples, are fine) or XML ({@code <request><entry><field>value</field>...</entry></request>}) as the
 * {@code Content-Type} says; another type is a 415. An XML answer is the JSON answer with every member an element:
 * {@code <response><result><number>INC0010001</number><caller_id><link>..</link><value>..</value></caller_id>...
 * </result></response>}, one {@code <result>} per record of a list, errors as
 * {@code <response><error><message/><detail/></error><status>failure</status></response>}.
 */
final class Representation {

    /** A response format. */
    enum Format {
        JSON("application/json;charset=UTF-8"), XML("application/xml;charset=UTF-8");

        private final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        String contentType() {
            return contentType;
        }
    }

    /** What the 406 and 415 answers list. */
    static final String SUPPORTED = "application/json, application/xml, text/xml";

    /** ServiceNow's JSON reader takes single-quoted strings (the documented cURL examples send them). */
    private static final ObjectReader LENIENT = Json.MAPPER.readerFor(JsonNode.class)
            .with(JsonReadFeature.ALLOW_SINGLE_QUOTES.mappedFeature());

    private Representation() {
    }

    /**
     * The format the {@code Accept} header asks for: the first supported media range, by quality then order; JSON
     * without a header.
     *
     * @return the format and the content type to answer with, or empty when nothing acceptable is supported
     */
    static Optional<Map.Entry<Format, String>> accepted(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(Map.entry(Format.JSON, Format.JSON.contentType()));
        }
        record Range(String type, double quality, int order) {
        }
        List<Range> ranges = new ArrayList<>();
        String[] parts = accept.split(",");
        for (int i = 0; i < parts.length; i++) {
            String[] params = parts[i].split(";");
            double quality = 1;
            for (int p = 1; p < params.length; p++) {
                String param = params[p].trim();
                if (param.startsWith("q=")) {
                    try {
                        quality = Double.parseDouble(param.substring(2).trim());
                    } catch (NumberFormatException e) {
                        quality = 0;
                    }
                }
            }
            String type = params[0].trim().toLowerCase(Locale.ROOT);
            if (quality > 0 && !type.isEmpty()) {
                ranges.add(new Range(type, quality, i));
            }
        }
        ranges.sort(Comparator.comparingDouble(Range::quality).reversed().thenComparingInt(Range::order));
        for (Range range : ranges) {
            Optional<Format> format = formatOf(range.type(), true);
            if (format.isPresent()) {
                String type = range.type().equals("text/xml") ? "text/xml;charset=UTF-8" : format.get().contentType();
                return Optional.of(Map.entry(format.get(), type));
            }
        }
        return Optional.empty();
    }

    /** A 406 for an {@code Accept} header the Table and Attachment APIs cannot answer. */
    static ApiException notAcceptable(String accept) {
        return new ApiException(406, "Not Acceptable",
                "The Accept header '" + accept + "' asks for no supported format; supported: " + SUPPORTED);
    }

    /**
     * The record a Table API write sends: a JSON object, or the first of an array of them (ServiceNow processes
     * only the first record of several), or an XML {@code <request><entry>}.
     *
     * @throws ApiException 415 for an unsupported Content-Type, 400 for a body that cannot be read
     */
    static JsonNode body(ApiRequest request) {
        String contentType = request.headerValue("Content-Type").map(t -> t.split(";")[0].trim()).orElse("");
        Format format = contentType.isEmpty() ? Format.JSON : formatOf(contentType.toLowerCase(Locale.ROOT), false)
                .orElseThrow(() -> new ApiException(415, "Unsupported Media Type",
                        "Content-Type '" + contentType + "' is not supported; send " + SUPPORTED));
        JsonNode root = format == Format.XML ? xmlRecord(request.body()) : json(request.body());
        if (root != null && root.isArray() && root.size() > 0) {
            root = root.get(0);
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("Exception while reading request",
                    "The payload must be a JSON object of field names and values");
        }
        return root;
    }

    /** Parses a JSON request body the way ServiceNow does (single-quoted strings allowed). */
    static JsonNode json(byte[] body) {
        try {
            return body.length == 0 ? null : LENIENT.readTree(body);
        } catch (IOException e) {
            throw ApiException.badRequest("Exception while reading request", "The payload is not valid JSON.");
        }
    }

    /** Renders a JSON answer body as the XML ServiceNow sends for the same answer. */
    static byte[] xml(byte[] json) {
        try {
            return xml(Json.MAPPER.readTree(json));
        } catch (IOException e) {
            throw new IllegalStateException("an answer is not JSON", e);
        }
    }

    /** Renders a JSON answer as the XML ServiceNow sends for the same answer. */
    static byte[] xml(JsonNode body) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        element(out, "response", body);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void element(StringBuilder out, String name, JsonNode value) {
        if (value.isArray()) {
            value.forEach(item -> element(out, name, item));
            return;
        }
        String tag = xmlName(name);
        if (value.isNull() || value.isTextual() && value.asText().isEmpty()
                || value.isObject() && value.isEmpty()) {
            out.append('<').append(tag).append("/>");
            return;
        }
        out.append('<').append(tag).append('>');
        if (value.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                element(out, field.getKey(), field.getValue());
            }
        } else {
            escape(out, value.asText());
        }
        out.append("</").append(tag).append('>');
    }

    /** Field names are XML names already (dot-walked ones included); anything else is made one. */
    private static String xmlName(String name) {
        StringBuilder tag = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = Character.isLetter(c) || c == '_' || i > 0 && (Character.isDigit(c) || c == '.' || c == '-');
            tag.append(ok ? c : '_');
        }
        return tag.isEmpty() ? "_" : tag.toString();
    }

    private static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                        out.append("&#").append((int) c).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    /**
     * The JSON or XML format of a media type: application/json, text/json and {@code +json} types are JSON,
     * application/xml, text/xml and {@code +xml} types XML; as an Accept range, {@code *}{@code /*} and
     * {@code application/*} are JSON and {@code text/*} XML.
     */
    private static Optional<Format> formatOf(String type, boolean acceptRange) {
        if (type.equals("application/json") || type.equals("text/json") || type.endsWith("+json")
                || acceptRange && (type.equals("*/*") || type.equals("*") || type.equals("application/*"))) {
            return Optional.of(Format.JSON);
        }
        if (type.equals("application/xml") || type.equals("text/xml") || type.endsWith("+xml")
                || acceptRange && type.equals("text/*")) {
            return Optional.of(Format.XML);
        }
        return Optional.empty();
    }

    /**
     * The record of an XML write body: the fields of {@code <request><entry>} (any root and record element names
     * are taken), or the root's own leaf elements.
     */
    private static ObjectNode xmlRecord(byte[] body) {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            root = builder.parse(new ByteArrayInputStream(body)).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw ApiException.badRequest("Exception while reading request", "The payload is not valid XML.");
        }
        List<Element> children = childElements(root);
        Element record = children.size() == 1 && !childElements(children.get(0)).isEmpty() ? children.get(0) : root;
        ObjectNode fields = Json.object();
        for (Element field : childElements(record)) {
            fields.put(field.getTagName(), field.getTextContent());
        }
        return fields;
    }

    private static List<Element> childElements(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                elements.add(e);
            }
        }
        return elements;
    }
}
