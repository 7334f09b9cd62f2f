package dev.cameljira.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;

/**
 * The fixed-response Jira of the producer benchmark, in its own JVM so its CPU is not counted as the client's: GET
 * {@code /rest/api/3/issue/*} answers one real Cloud issue (read once from the sandbox at start-up), POST
 * {@code /rest/api/3/issue} the created-issue reply; {@code GET /__count} the number of requests served so far (the
 * clients use it to report HTTP requests per operation). With a first argument N, {@code POST /rest/api/3/search/jql}
 * pages through N copies of that issue (keys DEMO-1..N, {@code maxResults} a page, Cloud's {@code nextPageToken}):
 * the streaming benchmark's Jira, which the sandbox cannot be at 100,000 issues (its search scans every issue per page).
 * Loopback, free port; prints {@code READY port=N}.
 */
public final class HttpStub {

    private HttpStub() {
    }

    public static void main(String[] args) throws Exception {
        int searchTotal = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        byte[] issue;
        try (JiraSandbox sandbox = JiraSandbox.builder().mode(JiraSandbox.Mode.CLOUD).build()) {
            String key = sandbox.admin().createIssue("DEMO", "Task", "A benchmark issue with a realistic body");
            sandbox.admin().addComment(key, "A comment, so the issue carries one as real ones do.");
            String auth = "Basic " + Base64.getEncoder().encodeToString(
                    (SandboxUsers.ADMIN_EMAIL + ":" + SandboxUsers.ADMIN_TOKEN).getBytes(StandardCharsets.UTF_8));
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(sandbox.baseUrl() + "/rest/api/3/issue/" + key)).header("Authorization", auth).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("the sandbox answered " + r.statusCode() + " to GET issue");
            }
            issue = r.body();
        }
        Buffer issueBody = Buffer.buffer(issue);
        Buffer created = Buffer.buffer("{\"id\":\"10000\",\"key\":\"DEMO-1\",\"self\":\"http://127.0.0.1/rest/api/3/issue/10000\"}");
        String template = new String(issue, StandardCharsets.UTF_8);
        if (!template.contains("\"DEMO-1\"")) {
            throw new IllegalStateException("the sandbox issue is not DEMO-1");
        }
        ObjectMapper mapper = new ObjectMapper();
        AtomicLong served = new AtomicLong();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        HttpServer server = vertx.createHttpServer().requestHandler(req -> {
            String path = req.path();
            if (path.equals("/__count")) {
                req.response().end(Long.toString(served.get()));
                return;
            }
            served.incrementAndGet();
            req.body().onSuccess(b -> {
                if (req.method() == HttpMethod.GET && path.startsWith("/rest/api/3/issue/")) {
                    req.response().putHeader("Content-Type", "application/json;charset=UTF-8").end(issueBody);
                } else if (req.method() == HttpMethod.POST && path.equals("/rest/api/3/search/jql")) {
                    try {
                        JsonNode q = mapper.readTree(b.getBytes());
                        int from = Integer.parseInt(q.path("nextPageToken").asText("0"));
                        int size = q.path("maxResults").asInt(50);
                        int to = Math.min(searchTotal, from + size);
                        StringBuilder page = new StringBuilder("{\"issues\":[");
                        for (int n = from + 1; n <= to; n++) {
                            page.append(n > from + 1 ? "," : "").append(template.replace("\"DEMO-1\"", "\"DEMO-" + n + "\""));
                        }
                        page.append(']');
                        if (to < searchTotal) {
                            page.append(",\"nextPageToken\":\"").append(to).append("\",\"isLast\":false}");
                        } else {
                            page.append(",\"isLast\":true}");
                        }
                        req.response().putHeader("Content-Type", "application/json;charset=UTF-8").end(page.toString());
                    } catch (Exception e) {
                        req.response().setStatusCode(400).end("{\"errorMessages\":[\"bad search request\"]}");
                    }
                } else if (req.method() == HttpMethod.POST && path.equals("/rest/api/3/issue")) {
                    req.response().setStatusCode(201).putHeader("Content-Type", "application/json;charset=UTF-8").end(created);
                } else {
                    req.response().setStatusCode(404).putHeader("Content-Type", "application/json;charset=UTF-8")
                            .end("{\"errorMessages\":[\"the benchmark stub serves only GET and POST /rest/api/3/issue\"]}");
                }
            });
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        Child.say("READY", "port", server.actualPort(), "issueBytes", issue.length);
        Child.awaitStdinClosed();
        vertx.close();
    }
}
