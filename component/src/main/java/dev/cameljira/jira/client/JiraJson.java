package dev.cameljira.jira.client;

import java.io.IOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The shared Jackson set-up: unknown properties ignored, java.time as ISO strings. */
public final class JiraJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private JiraJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses a response body; empty body -> MissingNode; non-JSON -> a JiraException naming the call. */
    public static JsonNode parse(ObjectMapper mapper, JiraResponse response, String what) {
        return parse(mapper, response, (Object) what);
    }

    /**
     * Like {@link #parse(ObjectMapper, JiraResponse, String)} for the answer to {@code request}, named
     * {@code METHOD path} in the error; the name is made only for the error, not on every call.
     */
    public static JsonNode parse(ObjectMapper mapper, JiraResponse response, JiraRequest request) {
        return parse(mapper, response, (Object) request);
    }

    /** {@code what}: the call's description, or the request whose {@code toString()} is {@code METHOD path}. */
    private static JsonNode parse(ObjectMapper mapper, JiraResponse response, Object what) {
        if (!response.hasBody()) {
            return MissingNode.getInstance();
        }
        try {
            return mapper.readTree(response.body());
        } catch (IOException e) {
            String ct = response.header("Content-Type");
            throw new JiraException("Jira's answer to " + what + " (status " + response.status() + ", Content-Type " + ct
                                    + ") is not valid JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage()));
        }
    }
}
