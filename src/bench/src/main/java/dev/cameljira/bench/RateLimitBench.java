package dev.cameljira.bench;

final class RateLimitBench {
    private RateLimitBench() {
    }

    static void run(Bench.Options o, Report report) throws Exception {
        throw new UnsupportedOperationException("not yet");
    }
}
