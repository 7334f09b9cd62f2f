package dev.cameljira.bench;

final class PollingBench {
    private PollingBench() {
    }

    static void run(Bench.Options o, Report report) throws Exception {
        throw new UnsupportedOperationException("not yet");
    }
}
