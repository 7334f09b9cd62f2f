package dev.cameljira.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.spec.Oracles;
import java.io.IOException;
import java.nio.file.Path;

/** Reads webhook oracles through {@link Oracles} (missing: skipped, or failed under CI=true). */
final class OracleFiles {

    private OracleFiles() {
    }

    static JsonNode webhook(String name) {
        Path file = Oracles.require(Oracles.WEBHOOKS_DIR + "/" + name);
        try {
            return Client.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
