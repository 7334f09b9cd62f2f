package dev.cameljira.bench;

final class StreamingBench {
    private StreamingBench() {
    }

    static void run(Bench.Options o, Report report) throws Exception {
        throw new UnsupportedOperationException("not yet");
    }
}
