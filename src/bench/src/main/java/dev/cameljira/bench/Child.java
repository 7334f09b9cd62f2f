package dev.cameljira.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark variant in a fresh JVM on this JVM's classpath. It speaks to the driver in stdout lines: {@code READY k=v ...}
 * once it serves, {@code RESULT k=v ...} with its figures; every other line is passed through to stderr with a prefix.
 * Closing its stdin asks it to stop ({@link #awaitStdinClosed()}).
 */
final class Child implements AutoCloseable {

    private final Process process;
    private final String name;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private Child(Process process, String name) {
        this.process = process;
        this.name = name;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("READY") || line.startsWith("RESULT")) {
                        lines.add(line);
                    } else {
                        System.err.println("  [" + name + "] " + line);
                    }
                }
            } catch (IOException e) {
                // the child ended
            }
            lines.add("EXIT");
        }, "child-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code mainClass} with the given JVM options and arguments; its stderr goes to ours. */
    static Child start(String name, List<String> jvmOptions, Class<?> mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        return command(name, cmd);
    }

    /** Starts any command (e.g. {@code java -jar app.jar}). */
    static Child command(String name, List<String> cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        return new Child(pb.start(), name);
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    /** CPU time the child used so far (user + system), from /proc. */
    Duration cpu() {
        return process.info().totalCpuDuration().orElseThrow(() -> new IllegalStateException("no CPU time for " + name));
    }

    /** Sends the child one line on its stdin (a command of an interleaved benchmark). */
    void send(String line) throws IOException {
        java.io.OutputStream out = process.getOutputStream();
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Waits for the child's READY line and returns its values. */
    Map<String, String> awaitReady(Duration timeout) throws InterruptedException {
        return await("READY", timeout);
    }

    /** Waits for the child's RESULT line and returns its values. */
    Map<String, String> awaitResult(Duration timeout) throws InterruptedException {
        return await("RESULT", timeout);
    }

    private Map<String, String> await(String prefix, Duration timeout) throws InterruptedException {
        String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new IllegalStateException(name + " did not print " + prefix + " within " + timeout.toSeconds() + " s");
        }
        if (!line.startsWith(prefix)) {
            throw new IllegalStateException(name + " printed " + line.split(" ")[0] + " instead of " + prefix
                    + " (exit status " + (process.isAlive() ? "running" : process.exitValue()) + "; see its log above)");
        }
        return parse(line.substring(prefix.length()));
    }

    static Map<String, String> parse(String values) {
        Map<String, String> map = new HashMap<>();
        for (String kv : values.trim().split("\\s+")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                map.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        return map;
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    // ---- the child's side ----

    /** Prints a protocol line (READY / RESULT) to the driver. */
    static void say(String kind, Object... keyValues) {
        StringBuilder sb = new StringBuilder(kind);
        for (int i = 0; i < keyValues.length; i += 2) {
            sb.append(' ').append(keyValues[i]).append('=').append(keyValues[i + 1]);
        }
        System.out.println(sb);
        System.out.flush();
    }

    /** Blocks until the driver closes our stdin (or dies). */
    static void awaitStdinClosed() throws IOException {
        while (System.in.read() >= 0) {
            // ignore input
        }
    }

    /** This process's CPU time in nanoseconds. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
