package dev.cameljira.jira.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/** Test helper: JSON written with single quotes, so expectations stay readable. */
final class AdfJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private AdfJson() {
    }

    /** Parses JSON in which every {@code '} stands for {@code "}. */
    static JsonNode json(String singleQuoted) {
        return parse(singleQuoted.replace('\'', '"'));
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A document holding the given block nodes (single-quoted JSON, comma separated). */
    static JsonNode doc(String blocks) {
        return json("{'type':'doc','version':1,'content':[" + blocks + "]}");
    }

    static String p(String inlines) {
        return "{'type':'paragraph','content':[" + inlines + "]}";
    }

    static String t(String text) {
        return "{'type':'text','text':'" + text + "'}";
    }

    static String t(String text, String marks) {
        return "{'type':'text','text':'" + text + "','marks':[" + marks + "]}";
    }

    static String link(String href) {
        return "{'type':'link','attrs':{'href':'" + href + "'}}";
    }

    static String item(String blocks) {
        return "{'type':'listItem','content':[" + blocks + "]}";
    }

    static final String BR = "{'type':'hardBreak'}";
    static final String STRONG = "{'type':'strong'}";
    static final String EM = "{'type':'em'}";
    static final String STRIKE = "{'type':'strike'}";
    static final String CODE = "{'type':'code'}";
}
