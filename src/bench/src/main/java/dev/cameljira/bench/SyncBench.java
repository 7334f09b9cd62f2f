package dev.cameljira.bench;

final class SyncBench {
    private SyncBench() {
    }

    static void run(Bench.Options o, Report report) throws Exception {
        throw new UnsupportedOperationException("not yet");
    }
}
