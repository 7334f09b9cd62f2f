package dev.cameljira.sandbox.servicenow;

import dev.cameljira.sandbox.emulator.EmulatorTestServer;
import dev.cameljira.sandbox.emulator.TestHttp;
import java.io.IOException;
import java.time.Clock;

/** The ServiceNow emulator on a free loopback port, mounted at /api/now/ and /oauth_token.do. */
final class ServiceNowTestServer extends EmulatorTestServer<ServiceNowEmulator> {

    ServiceNowTestServer() throws IOException {
        this(Clock.systemUTC());
    }

    ServiceNowTestServer(Clock clock) throws IOException {
        super(new ServiceNowEmulator(clock), "/api/now/", "/oauth_token.do");
    }

    /** A client authenticated as the seeded administrator (Basic). */
    TestHttp asAdmin() {
        return http(TestHttp.basic(ServiceNowEmulator.ADMIN_USER, ServiceNowEmulator.ADMIN_PASSWORD));
    }
}
