package dev.cameljira.sandbox.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.Json;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Zendesk's background jobs, as the bulk endpoints ({@code tickets/create_many}, {@code update_many},
 * {@code destroy_many}) report them. The emulator does the work before it answers, so a job is finished as soon as
 * it exists: the bulk call answers it the way Zendesk does right after queueing ({@code "status": "queued"}, no
 * progress, no results), and {@code GET /api/v2/job_statuses/{id}} then shows it {@code completed} (or
 * {@code failed} when every item failed) with its {@code results}. Thread-safe.
 */
final class JobStatuses {
    private static final DateTimeFormatter MESSAGE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z")
            .withZone(ZoneOffset.UTC);

    /**
     * One finished job.
     *
     * @param id         32 hexadecimal digits, like Zendesk's
     * @param sequence   creation order
     * @param total      number of items
     * @param failed     every item failed
     * @param finishedAt when the work was done (emulator clock)
     * @param results    one entry per item
     */
    record Job(String id, long sequence, int total, boolean failed, Instant finishedAt,
               JsonNode results) {
    }

    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private long nextSequence = 1;

    /** Records a finished job. */
    synchronized Job record(List<ObjectNode> results, boolean failed, Instant finishedAt) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        Job job = new Job(HexFormat.of().formatHex(bytes), nextSequence++, results.size(), failed,
                finishedAt, Json.array().addAll(results));
        jobs.put(job.id(), job);
        return job;
    }

    synchronized Optional<Job> get(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** All jobs, newest first (Zendesk sorts by completion, then creation, descending). */
    synchronized List<Job> all() {
        List<Job> all = new ArrayList<>(jobs.values());
        Collections.reverse(all);
        return all;
    }

    synchronized void clear() {
        jobs.clear();
    }

    /** The job as the bulk call answers it, just queued. */
    static ObjectNode queued(Job job, String baseUrl) {
        ObjectNode n = head(job, baseUrl);
        n.putNull("progress");
        n.put("status", "queued");
        n.putNull("message");
        n.putNull("results");
        return n;
    }

    /** The job as {@code job_statuses} shows it, finished. */
    static ObjectNode finished(Job job, String baseUrl) {
        ObjectNode n = head(job, baseUrl);
        n.put("progress", job.total());
        n.put("status", job.failed() ? "failed" : "completed");
        n.put("message", (job.failed() ? "Failed at " : "Completed at ") + MESSAGE_TIME.format(job.finishedAt()));
        n.set("results", job.results().deepCopy());
        return n;
    }

    private static ObjectNode head(Job job, String baseUrl) {
        ObjectNode n = Json.object();
        n.put("id", job.id());
        n.put("url", baseUrl + "/api/v2/job_statuses/" + job.id() + ".json");
        n.put("total", job.total());
        return n;
    }
}
