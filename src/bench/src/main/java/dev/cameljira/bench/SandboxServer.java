package dev.cameljira.bench;

import dev.cameljira.sandbox.JiraSandbox;

/**
 * A Jira Cloud sandbox in its own JVM, so its memory and CPU are never counted as the client's: seeds {@code issues}
 * issues in project DEMO (at the end it prints how many issues and distinct summaries it holds), optionally limits Jira to {@code rate} requests/s (429 + Retry-After beyond), prints
 * {@code READY port=N} and serves until stdin closes. Spec validation and the request journal are off (they would make the
 * sandbox the bottleneck); the driver counts what it needs itself.
 */
public final class SandboxServer {

    private SandboxServer() {
    }

    public static void main(String[] args) throws Exception {
        int issues = Integer.parseInt(args[0]);
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        try (JiraSandbox sandbox = JiraSandbox.builder().mode(JiraSandbox.Mode.CLOUD).validateAgainstSpec(false)
                .journalCapacity(0).build()) {
            long t0 = System.nanoTime();
            for (int i = 0; i < issues; i++) {
                sandbox.admin().createIssue("DEMO", "Task", "Streamed issue " + i + " with a summary of ordinary length");
            }
            if (rate > 0) {
                sandbox.admin().faults().rateLimit("/rest/", rate);
            }
            System.err.printf("sandbox seeded %d issues in %.1f s%n", issues, (System.nanoTime() - t0) / 1e9);
            Child.say("READY", "port", sandbox.port());
            Child.awaitStdinClosed();
            int count = sandbox.admin().issueCount();
            java.util.Set<String> summaries = new java.util.HashSet<>();
            for (int n = 1; n <= count; n++) {
                summaries.add(sandbox.admin().issue("DEMO-" + n).path("fields").path("summary").asText());
            }
            Child.say("RESULT", "issues", count, "distinctSummaries", summaries.size());
        }
    }
}
