package dev.cameljira.bench;

final class WebhookBench {
    private WebhookBench() {
    }

    static void run(Bench.Options o, Report report) throws Exception {
        throw new UnsupportedOperationException("not yet");
    }
}
