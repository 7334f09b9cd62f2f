package dev.cameljira.sandbox;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;

/** A spec-checked sandbox of one deployment mode on a {@link TestClock} (UTC) the test moves, with an admin client. */
abstract class ClockedModeContract extends SpecCheckedSandboxTest {

    protected final TestClock clock;
    protected Client admin;

    ClockedModeContract(Instant start) {
        this.clock = new TestClock(start, ZoneId.of("UTC"));
    }

    protected abstract JiraSandbox.Mode mode();

    @Override
    protected JiraSandbox.Builder configure(JiraSandbox.Builder builder) {
        return builder.mode(mode()).clock(clock);
    }

    @BeforeAll
    void clients() {
        admin = Client.admin(sandbox);
    }
}
