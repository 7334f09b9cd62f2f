package dev.cameljira.examples.yaml;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The example started as a user starts it: a separate JVM running {@code org.apache.camel.main.Main} (the jar's main
 * class) on the module's classpath, configured by environment variables (and JVM options where a user would pass
 * them), in its own working directory. Its output (stdout and stderr) is collected line by line.
 */
final class ExampleProcess implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private ExampleProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "example-output");
        reader.setDaemon(true);
        reader.start();
    }

    static ExampleProcess start(Path workDir, Map<String, String> env, List<String> jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.apache.camel.main.Main");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("JAVA_TOOL_OPTIONS") || k.startsWith("JDK_JAVA_OPTIONS"));
        pb.environment().putAll(env);
        return new ExampleProcess(pb.start());
    }

    /** Everything printed so far. */
    List<String> output() {
        return List.copyOf(lines);
    }

    String outputText() {
        return String.join("\n", lines);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Stops it as Ctrl-C / Kubernetes would (SIGTERM: Camel shuts down gracefully), forcibly after 20 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
