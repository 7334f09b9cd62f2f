package dev.cameljira.examples.sync;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.servicenow.ServiceNowEmulator;
import dev.cameljira.sandbox.zendesk.ZendeskEmulator;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) started the way users start it:
 * {@code java -jar}, configured by environment variables only, in its own working folder, on a free loopback port.
 * Its console output goes to a file the tests read. Inherited variables the application reads are removed first, so a
 * developer's own JIRA_URL (or Kubernetes client settings) cannot leak into a test.
 */
final class AppProcess implements AutoCloseable {
    private static final Duration START = Duration.ofSeconds(60);

    private final Process process;
    private final Path output;
    private final int port;

    private AppProcess(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /** Jira, Zendesk and ServiceNow all pointed at {@code sandbox} with its seeded credentials; a map to add to. */
    static Map<String, String> sandboxConnections(JiraSandbox sandbox) {
        Map<String, String> env = new HashMap<>();
        String base = sandbox.baseUrl();
        env.put("JIRA_URL", base);
        env.put("JIRA_USERNAME", SandboxUsers.ADMIN_EMAIL);
        env.put("JIRA_API_TOKEN", SandboxUsers.ADMIN_TOKEN);
        env.put("ZENDESK_URL", base);
        env.put("ZENDESK_USERNAME", ZendeskEmulator.AGENT_EMAIL);
        env.put("ZENDESK_TOKEN", ZendeskEmulator.AGENT_API_TOKEN);
        env.put("SERVICENOW_URL", base);
        env.put("SERVICENOW_USERNAME", ServiceNowEmulator.ADMIN_USER);
        env.put("SERVICENOW_PASSWORD", ServiceNowEmulator.ADMIN_PASSWORD);
        return env;
    }

    /** Starts the application in {@code workDir} with {@code env} on a free port; does not wait. */
    static AppProcess start(Path workDir, Map<String, String> env) {
        return start(workDir, FreeHttpPort.freePort(), env);
    }

    /** Starts the application in {@code workDir} with {@code env} on {@code port}; does not wait. */
    static AppProcess start(Path workDir, int port, Map<String, String> env) {
        Path jar = Path.of(System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar + " is missing: the *IT tests run after `package` (mvn verify)");
        }
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder b = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .directory(workDir.toFile()).redirectErrorStream(true);
        Map<String, String> e = b.environment();
        e.keySet().removeIf(k -> k.startsWith("JIRA_") || k.startsWith("ZENDESK_") || k.startsWith("SERVICENOW_")
                || k.startsWith("SYNC_") || k.startsWith("QUARKUS_") || k.startsWith("CAMEL_") || k.equals("PUBLIC_URL")
                || k.equals("SANDBOX_PORT") || k.startsWith("KUBERNETES_"));
        e.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        e.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        e.putAll(new HashMap<>(env));
        Path out = workDir.resolve("console.log");
        b.redirectOutput(out.toFile());
        try {
            Process p = b.start();
            p.getOutputStream().close();
            return new AppProcess(p, out, port);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Starts it on a free port and waits until {@code /q/health/live} answers. */
    static AppProcess startAndAwaitLive(Path workDir, Map<String, String> env) {
        return startAndAwaitLive(workDir, FreeHttpPort.freePort(), env);
    }

    /** Starts it on {@code port} and waits until {@code /q/health/live} answers. */
    static AppProcess startAndAwaitLive(Path workDir, int port, Map<String, String> env) {
        return start(workDir, port, env).awaitLive();
    }

    /** Waits until {@code /q/health/live} answers; closes the process and fails when it exits or takes too long. */
    AppProcess awaitLive() {
        try {
            await().atMost(START).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError("the application exited with " + process.exitValue() + ":\n" + output());
                }
                return live();
            });
        } catch (RuntimeException | AssertionError e) {
            close();
            throw e;
        }
        return this;
    }

    /**
     * Kills it like a node failure or the OOM killer (SIGKILL: no shutdown hook, no lock released by Camel, the OS
     * drops its file locks and sockets) and waits until it is gone.
     */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the application survived SIGKILL for 10 s");
        }
        keepOutput();
    }

    boolean alive() {
        return process.isAlive();
    }

    private boolean live() {
        try {
            return Http.get(url("/q/health/live")).statusCode() == 200;
        } catch (AssertionError notYet) {
            return false;
        }
    }

    int port() {
        return port;
    }

    /** Whether this replica says, on its status page, that it leads (runs the pollers); false when it does not answer. */
    boolean leads() {
        try {
            return alive() && Http.json(url("/sync/status")).at("/cluster/leader").asBoolean(false);
        } catch (AssertionError notAnswering) {
            return false;
        }
    }

    /** When each of the replica's pollers last polled, from its status page. */
    java.util.List<java.time.Instant> polls() {
        java.util.List<java.time.Instant> at = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode p : Http.json(url("/sync/status")).path("polls")) {
            at.add(java.time.Instant.parse(p.path("at").asText()));
        }
        return at;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    HttpResponse<String> get(String path) {
        return Http.get(url(path));
    }

    /** Everything the application printed so far. */
    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the process to end by itself; its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the application is still running after " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    /**
     * Stops it like Ctrl-C / a container stop (SIGTERM), waits for the graceful shutdown and keeps its output in
     * {@code target/it-logs/} for whoever reads a failure.
     */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            keepOutput();
        }
    }

    private void keepOutput() {
        Path jar = Path.of(System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar"));
        Path dir = jar.toAbsolutePath().getParent().getParent().resolve("it-logs");
        try {
            Files.createDirectories(dir);
            String caller = StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                    .filter(c -> c.endsWith("IT")).findFirst().orElse("app"));
            Files.copy(output, dir.resolve(caller.substring(caller.lastIndexOf('.') + 1) + "-" + port + ".log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // only a convenience
        }
    }
}
