package dev.cameljira.sandbox;

import dev.cameljira.sandbox.http.FaultAnswers;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.http.ApiResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fault injection: rate limiting, scripted failures, latency, dropped connections, random faults on a share of the
 * requests (seeded) and duplicate webhook deliveries.
 * Every method returns {@code this} for chaining; {@link #reset()} turns everything off. Thread-safe.
 *
 * <p>Rate limiting counts requests in fixed one-second windows of wall-clock time ({@link System#nanoTime()}, not the
 * sandbox clock, so a frozen test clock cannot freeze the limiter).
 */
public final class Faults {

    private enum Kind { FAIL, DROP, DROP_RESPONSE }

    /**
     * The faults {@link #randomFaults} can inject: 429 and 503 (with {@code Retry-After}), a delay before the request
     * is handled, the connection closed before the request is handled, or after it was handled (the change applied)
     * but before the response was sent.
     */
    public enum RandomFault { TOO_MANY_REQUESTS, UNAVAILABLE, LATENCY, DROP, DROP_RESPONSE }

    private static final class Rule {
        final Kind kind;
        final String method;
        final String pathPrefix;
        final int status;
        int remaining;

        Rule(Kind kind, String method, String pathPrefix, int status, int remaining) {
            this.kind = kind;
            this.method = method == null ? null : method.toUpperCase(Locale.ROOT);
            this.pathPrefix = pathPrefix;
            this.status = status;
            this.remaining = remaining;
        }

        boolean applies(String m, String path) {
            return (method == null || method.equals(m)) && (pathPrefix == null || path.startsWith(pathPrefix));
        }
    }

    /**
     * What to do with a request: drop it before handling, answer {@code response} instead of handling it, wait
     * {@code delay} before handling it, drop the connection after handling it ({@code dropResponse}).
     */
    record Decision(boolean drop, ApiResponse response, Duration delay, boolean dropResponse) {
        static final Decision NONE = new Decision(false, null, Duration.ZERO, false);
        static final Decision DROP = new Decision(true, null, Duration.ZERO, false);

        Decision(boolean drop, ApiResponse response) {
            this(drop, response, Duration.ZERO, false);
        }

        /** Whether the request is handled normally (possibly late, possibly without its response reaching the client). */
        boolean handled() {
            return !drop && response == null;
        }
    }

    private final List<Rule> rules = new ArrayList<>();
    private final List<FaultAnswers> answers = new CopyOnWriteArrayList<>();
    private volatile int rateLimit;
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean duplicateWebhooks;
    private volatile int retryAfterSeconds = 1;
    private long windowStart = System.nanoTime();
    private int windowCount;
    private String rateLimitPrefix;
    private double randomProbability;
    private Random random;
    private String randomPrefix;
    private Duration randomLatency = Duration.ZERO;
    private List<RandomFault> randomKinds = List.of();
    private final Map<RandomFault, Integer> randomCounts = new EnumMap<>(RandomFault.class);

    Faults() {
    }

    /**
     * Limits the sandbox to {@code requestsPerSecond}; further requests in the same second get 429 with
     * {@code Retry-After}, {@code X-RateLimit-Limit/Remaining/Reset} and {@code RateLimit-Reason: jira-burst-based}
     * (ServiceNow paths: ServiceNow's rate-limit body and headers, see {@code ServiceNowEmulator}). Zero or less turns
     * the limit off.
     */
    public synchronized Faults rateLimit(int requestsPerSecond) {
        this.rateLimit = Math.max(0, requestsPerSecond);
        this.rateLimitPrefix = null;
        this.windowStart = System.nanoTime();
        this.windowCount = 0;
        return this;
    }

    /**
     * Like {@link #rateLimit(int)}, counting and limiting only the requests whose path starts with {@code pathPrefix}
     * (e.g. {@code /rest/} for Jira alone, {@code /api/v2/} for Zendesk, {@code /api/now/} for ServiceNow).
     */
    public synchronized Faults rateLimit(String pathPrefix, int requestsPerSecond) {
        rateLimit(requestsPerSecond);
        this.rateLimitPrefix = pathPrefix;
        return this;
    }

    /**
     * The next {@code times} requests (any method and path) fail with {@code status} and a Jira error body (on
     * ServiceNow paths, ServiceNow's {@code {"error": {...}, "status": "failure"}}).
     */
    public Faults failNext(int status, int times) {
        return failNext(null, null, status, times);
    }

    /**
     * The next {@code times} requests whose method and path match fail with {@code status} (429 and 503 carry
     * {@code Retry-After}). A null method or prefix matches anything.
     */
    public synchronized Faults failNext(String method, String pathPrefix, int status, int times) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("failNext status must be 4xx or 5xx, was " + status);
        }
        if (times > 0) {
            rules.add(new Rule(Kind.FAIL, method, pathPrefix, status, times));
        }
        return this;
    }

    /** Delays every request by {@code delay} before it is handled. */
    public Faults latency(Duration delay) {
        this.latency = delay == null || delay.isNegative() ? Duration.ZERO : delay;
        return this;
    }

    /** The next {@code times} requests are not handled: the connection is closed without a response. */
    public synchronized Faults dropNext(int times) {
        if (times > 0) {
            rules.add(new Rule(Kind.DROP, null, null, 0, times));
        }
        return this;
    }

    /**
     * The next {@code times} matching requests ARE handled (the change is applied) but the connection is closed
     * without a response: the client cannot know the outcome. A null method or prefix matches anything.
     */
    public synchronized Faults dropResponseNext(String method, String pathPrefix, int times) {
        if (times > 0) {
            rules.add(new Rule(Kind.DROP_RESPONSE, method, pathPrefix, 0, times));
        }
        return this;
    }

    /**
     * Random faults: each request whose path starts with {@code pathPrefix} (null: any) gets, with probability
     * {@code probability}, one of {@code kinds} (chosen uniformly); the draws come from a {@link Random} seeded with
     * {@code seed}, so a run that sends the same requests in the same order gets the same faults. {@code LATENCY}
     * delays the request by {@code latency}. {@code DROP_RESPONSE} applies to Jira's paths only (Zendesk and
     * ServiceNow write their own responses; there it is served normally). Scripted faults ({@link #failNext},
     * {@link #dropNext}, ...) and the rate limit are decided first. A probability of 0 turns random faults off;
     * {@link #randomFaultCounts()} tells what was injected.
     *
     * @throws IllegalArgumentException when the probability is not between 0 and 1, or no kind is given
     */
    public synchronized Faults randomFaults(double probability, long seed, String pathPrefix, Duration latency,
                                            RandomFault... kinds) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("randomFaults probability must be between 0 and 1, was " + probability);
        }
        if (probability > 0 && (kinds == null || kinds.length == 0)) {
            throw new IllegalArgumentException("randomFaults needs at least one RandomFault kind");
        }
        Set<RandomFault> unique = kinds == null || kinds.length == 0 ? EnumSet.noneOf(RandomFault.class) : EnumSet.of(kinds[0], kinds);
        this.randomProbability = probability;
        this.random = new Random(seed);
        this.randomPrefix = pathPrefix;
        this.randomLatency = latency == null || latency.isNegative() ? Duration.ZERO : latency;
        this.randomKinds = List.copyOf(unique);
        this.randomCounts.clear();
        return this;
    }

    /** How many of each random fault were injected since {@link #randomFaults} was called. */
    public synchronized Map<RandomFault, Integer> randomFaultCounts() {
        return Map.copyOf(randomCounts);
    }

    /** Whether every webhook delivery is sent twice with the same identifier. */
    public Faults duplicateWebhookDeliveries(boolean duplicate) {
        this.duplicateWebhooks = duplicate;
        return this;
    }

    /** The {@code Retry-After} value (seconds) of 429/503 faults; default 1. */
    public Faults retryAfterSeconds(int seconds) {
        this.retryAfterSeconds = Math.max(0, seconds);
        return this;
    }

    /** Turns every fault off. */
    public synchronized Faults reset() {
        rules.clear();
        rateLimit = 0;
        rateLimitPrefix = null;
        latency = Duration.ZERO;
        duplicateWebhooks = false;
        retryAfterSeconds = 1;
        randomProbability = 0;
        random = null;
        randomKinds = List.of();
        return this;
    }

    // ---- used by the server ----------------------------------------------------------------------------------

    /** Lets an emulator answer faults on its paths in its own error shape (ServiceNow, Zendesk, ...). */
    void answerWith(FaultAnswers emulatorAnswers) {
        answers.add(emulatorAnswers);
    }

    Duration latency() {
        return latency;
    }

    boolean duplicateWebhooks() {
        return duplicateWebhooks;
    }

    synchronized Decision before(String method, String path) {
        Rule drop = take(Kind.DROP, method, path);
        if (drop != null) {
            return Decision.DROP;
        }
        if (rateLimit > 0 && (rateLimitPrefix == null || path.startsWith(rateLimitPrefix))) {
            ApiResponse limited = rateLimited(path);
            if (limited != null) {
                return new Decision(false, limited);
            }
        }
        Rule fail = take(Kind.FAIL, method, path);
        if (fail != null) {
            return new Decision(false, failure(fail.status, path));
        }
        return randomDecision(path);
    }

    private Decision randomDecision(String path) {
        if (randomProbability <= 0 || random == null || (randomPrefix != null && !path.startsWith(randomPrefix))) {
            return Decision.NONE;
        }
        if (random.nextDouble() >= randomProbability) {
            return Decision.NONE;
        }
        RandomFault kind = randomKinds.get(random.nextInt(randomKinds.size()));
        randomCounts.merge(kind, 1, Integer::sum);
        return switch (kind) {
            case TOO_MANY_REQUESTS -> new Decision(false, failure(429, path));
            case UNAVAILABLE -> new Decision(false, failure(503, path));
            case LATENCY -> new Decision(false, null, randomLatency, false);
            case DROP -> Decision.DROP;
            case DROP_RESPONSE -> new Decision(false, null, Duration.ZERO, true);
        };
    }

    synchronized boolean dropResponse(String method, String path) {
        return take(Kind.DROP_RESPONSE, method, path) != null;
    }

    /** Adds X-RateLimit headers to a normal response while a limit is set. */
    synchronized void decorate(ApiResponse response) {
        if (rateLimit > 0 && response.status() != 429) {
            response.header("X-RateLimit-Limit", String.valueOf(rateLimit));
            response.header("X-RateLimit-Remaining", String.valueOf(Math.max(0, rateLimit - windowCount)));
        }
    }

    private ApiResponse rateLimited(String path) {
        long now = System.nanoTime();
        if (now - windowStart >= 1_000_000_000L) {
            windowStart = now;
            windowCount = 0;
        }
        windowCount++;
        if (windowCount <= rateLimit) {
            return null;
        }
        long remainingNanos = 1_000_000_000L - (now - windowStart);
        Instant reset = Instant.now().plusNanos(remainingNanos);
        FaultAnswers emulator = answersFor(path);
        if (emulator != null) {
            return emulator.rateLimited(path, rateLimit, reset, Math.max(retryAfterSeconds, 1));
        }
        ApiResponse r = ApiResponse.error(ApiException.of(429, "Rate limit exceeded."));
        r.header("Retry-After", String.valueOf(Math.max(retryAfterSeconds, 1)));
        r.header("X-RateLimit-Limit", String.valueOf(rateLimit));
        r.header("X-RateLimit-Remaining", "0");
        r.header("X-RateLimit-Reset", reset.toString());
        r.header("RateLimit-Reason", "jira-burst-based");
        return r;
    }

    private ApiResponse failure(int status, String path) {
        FaultAnswers emulator = answersFor(path);
        if (emulator != null) {
            return emulator.failed(path, status, retryAfterSeconds);
        }
        String message = switch (status) {
            case 429 -> "Rate limit exceeded.";
            case 503 -> "Service unavailable. Please try again later.";
            case 500 -> "Internal server error.";
            case 401 -> "You are not authenticated. Authentication required to perform this operation.";
            case 403 -> "You do not have permission to perform this operation.";
            case 404 -> "The requested resource does not exist.";
            case 409 -> "Conflict: the resource was modified concurrently.";
            default -> "Injected failure (HTTP " + status + ").";
        };
        ApiResponse r = ApiResponse.error(ApiException.of(status, message));
        if (status == 429 || status == 503) {
            r.header("Retry-After", String.valueOf(retryAfterSeconds));
        }
        if (status == 429) {
            r.header("RateLimit-Reason", "jira-burst-based");
        }
        return r;
    }

    private FaultAnswers answersFor(String path) {
        return answers.stream().filter(a -> a.serves(path)).findFirst().orElse(null);
    }

    private Rule take(Kind kind, String method, String path) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext();) {
            Rule r = it.next();
            if (r.kind == kind && r.applies(method, path)) {
                r.remaining--;
                if (r.remaining <= 0) {
                    it.remove();
                }
                return r;
            }
        }
        return null;
    }
}
