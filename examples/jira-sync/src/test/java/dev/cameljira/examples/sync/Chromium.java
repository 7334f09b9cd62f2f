package dev.cameljira.examples.sync;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real headless Chromium (Debian's {@code chromium} package) for the status page test. When it is missing the test
 * set-up installs it as root with apt-get; when that is impossible the test is skipped with a message, except under
 * {@code CI=true}, where it fails.
 */
final class Chromium {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final long INSTALL_SECONDS = 600;
    private static final long RUN_SECONDS = 90;

    private final Path executable;

    private Chromium(Path executable) {
        this.executable = executable;
    }

    /** The browser, installed if need be; skips (or fails under CI=true) when there is none. */
    static Chromium require() {
        Optional<Path> found = find();
        String why = "";
        if (found.isEmpty()) {
            why = install();
            found = find();
        }
        if (found.isEmpty()) {
            String message = "headless Chromium is not installed and could not be installed (" + why + "); install "
                    + "Debian's chromium package (apt-get install -y chromium) to run the status page test";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        return new Chromium(found.get());
    }

    private static Optional<Path> find() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String name : NAMES) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    private static String install() {
        if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            return "no apt-get";
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return "not root";
        }
        try {
            String update = aptGet("update", "-qq");
            return update.isEmpty() ? aptGet("install", "-y", "-qq", "chromium") : update;
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String aptGet(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/apt-get"));
        cmd.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        b.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process p = b.start();
        p.getOutputStream().close();
        if (!p.waitFor(INSTALL_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "apt-get " + args[0] + " did not finish within " + INSTALL_SECONDS + " s";
        }
        return p.exitValue() == 0 ? "" : "apt-get " + args[0] + " exited with " + p.exitValue();
    }

    /** The DOM after the page's scripts ran for up to {@code budgetMillis} of virtual time. */
    String dumpDom(String url, Path profile, int budgetMillis) throws IOException, InterruptedException {
        List<String> cmd = command(profile);
        cmd.add("--virtual-time-budget=" + budgetMillis);
        cmd.add("--dump-dom");
        cmd.add(url);
        Path out = Files.createTempFile(profile, "dom", ".html");
        run(cmd, out);
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** A PNG of the page at 1280x900 after its scripts ran for up to {@code budgetMillis} of virtual time. */
    Path screenshot(String url, Path profile, Path png, int budgetMillis) throws IOException, InterruptedException {
        List<String> cmd = command(profile);
        cmd.add("--virtual-time-budget=" + budgetMillis);
        cmd.add("--screenshot=" + png.toAbsolutePath());
        cmd.add(url);
        run(cmd, Files.createTempFile(profile, "screenshot", ".log"));
        return png;
    }

    private List<String> command(Path profile) {
        return new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=1280,900"));
    }

    private static void run(List<String> cmd, Path stdout) throws IOException, InterruptedException {
        Path stderr = Files.createTempFile(stdout.getParent(), "stderr", ".log");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(RUN_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("chromium did not finish within " + RUN_SECONDS + " s: " + String.join(" ", cmd));
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("chromium exited with " + p.exitValue() + ": " + Files.readString(stderr));
        }
    }
}
