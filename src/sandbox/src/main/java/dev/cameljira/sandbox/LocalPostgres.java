package dev.cameljira.sandbox;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for tests: Debian's {@code postgresql} package, a new cluster in a temporary folder on a
 * free loopback port, trust authentication, stopped and deleted by {@link #close()}. Started as the {@code postgres}
 * user when the JVM runs as root (initdb refuses root). {@link #start()} answers empty, with the reason in
 * {@link #unavailableReason()}, where the binaries are missing; tests then skip, or fail under {@code CI=true}.
 *
 * <pre>{@code
 * try (LocalPostgres pg = LocalPostgres.start().orElseThrow()) {
 *     String url = pg.jdbcUrl();   // jdbc:postgresql://127.0.0.1:PORT/sync, user postgres, no password
 * }
 * }</pre>
 */
public final class LocalPostgres implements AutoCloseable {
    private static final String DATABASE = "sync";
    private static volatile String unavailable;

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asRoot;

    private LocalPostgres(Path bin, Path dir, int port, boolean asRoot) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asRoot = asRoot;
    }

    /** Starts a new server; empty when PostgreSQL is not installed or cannot start (see {@link #unavailableReason()}). */
    public static Optional<LocalPostgres> start() {
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
            unavailable = "PostgreSQL binaries (initdb, pg_ctl) not found: install Debian's postgresql package";
            return Optional.empty();
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = null;
        try {
            dir = Files.createTempDirectory("camel-jira-pg");
            int port = freePort();
            LocalPostgres pg = new LocalPostgres(bin.get(), dir, port, root);
            if (root) {
                run(List.of("chown", "-R", "postgres:postgres", dir.toString()), 30);
                run(List.of("chmod", "700", dir.toString()), 30);
            }
            pg.exec(30, bin.get().resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
                    "--auth=trust", "--encoding=UTF8", "--no-sync");
            pg.exec(60, bin.get().resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
                    "-l", dir.resolve("server.log").toString(), "-o",
                    "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
            pg.exec(30, bin.get().resolve("createdb").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U",
                    "postgres", DATABASE);
            unavailable = null;
            return Optional.of(pg);
        } catch (IOException | RuntimeException e) {
            unavailable = "PostgreSQL could not start: " + e.getMessage();
            if (dir != null) {
                delete(dir);
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable = "interrupted while starting PostgreSQL";
            return Optional.empty();
        }
    }

    /** Why the last {@link #start()} answered empty, or null. */
    public static String unavailableReason() {
        return unavailable;
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/sync}. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** The user to connect as ({@code postgres}, no password). */
    public String user() {
        return "postgres";
    }

    public int port() {
        return port;
    }

    /** Stops the server at once and deletes its files. */
    @Override
    public void close() {
        try {
            exec(60, bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w",
                    "stop");
        } catch (IOException | RuntimeException e) {
            // already down
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            delete(dir);
        }
    }

    private void exec(int timeoutSeconds, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asRoot) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(List.of(command));
        run(cmd, timeoutSeconds);
    }

    private static void run(List<String> cmd, int timeoutSeconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(cmd.get(cmd.size() - 1) + " timed out");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd.subList(Math.max(0, cmd.size() - 3), cmd.size())) + " failed ("
                    + p.exitValue() + "): " + new String(out, StandardCharsets.UTF_8).strip());
        }
    }

    private static Optional<Path> binaries() {
        List<Path> candidates = new ArrayList<>();
        File lib = new File("/usr/lib/postgresql");
        File[] versions = lib.listFiles();
        if (versions != null) {
            Stream.of(versions).sorted(Comparator.comparing(File::getName).reversed())
                    .forEach(v -> candidates.add(v.toPath().resolve("bin")));
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String p : path.split(File.pathSeparator)) {
                candidates.add(Path.of(p));
            }
        }
        return candidates.stream().filter(p -> Files.isExecutable(p.resolve("initdb"))
                && Files.isExecutable(p.resolve("pg_ctl")) && Files.isExecutable(p.resolve("createdb"))).findFirst();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
