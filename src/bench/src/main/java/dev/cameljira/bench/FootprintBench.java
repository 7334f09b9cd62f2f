package dev.cameljira.bench;

final class FootprintBench {
    private FootprintBench() {
    }

    static void run(Bench.Options o, Report report) throws Exception {
        throw new UnsupportedOperationException("not yet");
    }
}
