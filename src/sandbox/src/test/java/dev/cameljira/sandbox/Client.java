package dev.cameljira.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A tiny java.net.http client for the tests. */
final class Client {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** A response: status, headers and body. */
    record Resp(int status, HttpResponse<byte[]> raw) {
        JsonNode json() {
            try {
                return MAPPER.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }

        String text() {
            return new String(raw.body(), StandardCharsets.UTF_8);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final String base;
    private final String authorization;

    private Client(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    static Client basic(JiraSandbox sandbox, String login, String token) {
        return new Client(sandbox.baseUrl(), "Basic " + Base64.getEncoder()
                .encodeToString((login + ":" + token).getBytes(StandardCharsets.UTF_8)));
    }

    static Client admin(JiraSandbox sandbox) {
        return basic(sandbox, SandboxUsers.ADMIN_EMAIL, SandboxUsers.ADMIN_TOKEN);
    }

    static Client user(JiraSandbox sandbox) {
        return basic(sandbox, SandboxUsers.USER_EMAIL, SandboxUsers.USER_TOKEN);
    }

    static Client bearer(JiraSandbox sandbox, String token) {
        return new Client(sandbox.baseUrl(), "Bearer " + token);
    }

    static Client anonymous(JiraSandbox sandbox) {
        return new Client(sandbox.baseUrl(), null);
    }

    Resp get(String path) {
        return send(builder(path).GET());
    }

    Resp delete(String path) {
        return send(builder(path).DELETE());
    }

    Resp post(String path, String json) {
        return send(builder(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Resp put(String path, String json) {
        return send(builder(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Uploads one file as multipart part {@code file}; {@code xsrf} adds X-Atlassian-Token: no-check. */
    Resp upload(String path, String filename, byte[] content, boolean xsrf) {
        String boundary = "----sandbox" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        HttpRequest.Builder b = builder(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (xsrf) {
            b.header("X-Atlassian-Token", "no-check");
        }
        return send(b);
    }

    HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    Resp send(HttpRequest.Builder builder) {
        try {
            HttpResponse<byte[]> r = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Resp(r.statusCode(), r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** JSON text from a Java map/list/value. */
    static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** An ADF document with one paragraph. */
    static String adf(String text) {
        return "{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":"
                + json(text) + "}]}]}";
    }
}
