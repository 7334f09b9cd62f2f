package dev.cameljira.sandbox.zendesk;

import dev.cameljira.sandbox.emulator.EmulatorTestServer;
import dev.cameljira.sandbox.emulator.TestHttp;
import java.io.IOException;
import java.time.Clock;

/** The Zendesk emulator on a free loopback port, mounted at /api/v2/ and /attachments/ as the sandbox server does. */
final class ZendeskTestServer extends EmulatorTestServer<ZendeskEmulator> {

    ZendeskTestServer() throws IOException {
        this(Clock.systemUTC());
    }

    ZendeskTestServer(Clock clock) throws IOException {
        super(new ZendeskEmulator(clock), "/api/v2/", "/attachments/");
        emulator.baseUrl(baseUrl());
    }

    /** A client authenticated as the seeded agent with its API token. */
    TestHttp asAgent() {
        return http(TestHttp.basic(ZendeskEmulator.AGENT_EMAIL + "/token", ZendeskEmulator.AGENT_API_TOKEN));
    }
}
