package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What differs between the deployments where clients notice: Cloud-only endpoints are 404s on Data Center, bulk
 * create limits, which tokens each takes as Bearer tokens, and {@code Connection: close} honoured. One sandbox per
 * mode, spec-validated; the route table as a whole is walked against each spec by {@code RouteTableSpecTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModeFidelityTest {

    private JiraSandbox cloud;
    private JiraSandbox server;

    @BeforeAll
    void start() {
        cloud = JiraSandbox.builder().mode(JiraSandbox.Mode.CLOUD).validateAgainstSpec(true).build();
        server = JiraSandbox.builder().mode(JiraSandbox.Mode.SERVER).validateAgainstSpec(true).build();
    }

    @AfterAll
    void stop() {
        cloud.close();
        server.close();
    }

    @Test
    void cloudOnlyEndpointsAre404OnDataCenter() {
        String cloudKey = cloud.admin().createIssue("DEMO", "Task", "history");
        String serverKey = server.admin().createIssue("DEMO", "Task", "history");
        assertThat(Client.admin(cloud).get("/rest/api/2/issue/" + cloudKey + "/changelog").status()).isEqualTo(200);
        assertThat(Client.admin(cloud).get("/rest/api/3/issue/" + cloudKey + "/changelog").status()).isEqualTo(200);
        assertThat(Client.admin(server).get("/rest/api/2/issue/" + serverKey + "/changelog").status()).isEqualTo(404);
        assertThat(Client.admin(server).get("/rest/api/2/issue/" + serverKey + "?expand=changelog").json()
                .at("/changelog/histories").isArray()).as("DC's way to the changelog").isTrue();
        assertThat(Client.admin(server).get("/rest/api/2/label").status()).isEqualTo(404);
        assertThat(Client.admin(server).get("/rest/api/2/search/jql?jql=project=DEMO").status()).isEqualTo(404);
        SpecCheck.expectRequestViolations(server, "jira.operation.unknown");
        SpecCheck.assertConforms(cloud);
    }

    @Test
    void bulkCreateLimitsAreEachDeploymentsOwn() {
        String tooManyForCloud = bulk(51);
        Client.Resp cloudRefused = Client.admin(cloud).post("/rest/api/2/issue/bulk", tooManyForCloud);
        assertThat(cloudRefused.status()).isEqualTo(400);
        assertThat(cloudRefused.json().at("/errors/0/elementErrors/errorMessages/0").asText()).contains("50");
        int before = server.admin().issueCount();
        Client.Resp serverCreated = Client.admin(server).post("/rest/api/2/issue/bulk", tooManyForCloud);
        assertThat(serverCreated.status()).as(serverCreated.text()).isEqualTo(201);
        assertThat(serverCreated.json().get("issues")).hasSize(51);
        Client.Resp serverRefused = Client.admin(server).post("/rest/api/2/issue/bulk", bulk(1001));
        assertThat(serverRefused.status()).isEqualTo(400);
        assertThat(serverRefused.json().at("/errors/0/elementErrors/errorMessages/0").asText()).contains("1000");
        assertThat(server.admin().issueCount()).as("nothing of the refused request").isEqualTo(before + 51);
        SpecCheck.assertConforms(cloud);
        SpecCheck.assertConforms(server);
    }

    private static String bulk(int n) {
        StringBuilder b = new StringBuilder("{\"issueUpdates\":[");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append("{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"},")
                    .append("\"summary\":\"bulk ").append(i).append("\"}}");
        }
        return b.append("]}").toString();
    }

    @Test
    void cloudTakesOnlyOAuth2AccessTokensAsBearerTokensAndDataCenterPersonalAccessTokens() {
        Client.Resp apiTokenAsBearer = Client.bearer(cloud, SandboxUsers.USER_TOKEN).get("/rest/api/3/myself");
        assertThat(apiTokenAsBearer.status()).as("an API token is basic-auth only on Cloud").isEqualTo(401);
        assertThat(apiTokenAsBearer.text()).doesNotContain(SandboxUsers.USER_TOKEN);
        assertThat(Client.bearer(cloud, SandboxUsers.USER_OAUTH2_TOKEN).get("/rest/api/3/myself").json().get("accountId")
                .asText()).isEqualTo(SandboxUsers.USER_ACCOUNT_ID);
        assertThat(Client.user(cloud).get("/rest/api/3/myself").status()).as("basic e-mail + API token").isEqualTo(200);

        assertThat(Client.bearer(server, SandboxUsers.USER_TOKEN).get("/rest/api/2/myself").json().get("name").asText())
                .as("a personal access token").isEqualTo(SandboxUsers.USER_NAME);
        assertThat(Client.bearer(server, SandboxUsers.USER_OAUTH2_TOKEN).get("/rest/api/2/myself").status()).isEqualTo(401);
        SpecCheck.assertConforms(cloud);
        SpecCheck.assertConforms(server);
    }

    @Test
    void connectionCloseIsAnsweredWithConnectionCloseAndTheConnectionEnds() throws IOException {
        for (JiraSandbox jira : new JiraSandbox[] {cloud, server}) {
            URI base = URI.create(jira.baseUrl());
            String auth = Base64.getEncoder().encodeToString((SandboxUsers.ADMIN_EMAIL + ":" + SandboxUsers.ADMIN_TOKEN)
                    .getBytes(StandardCharsets.UTF_8));
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("GET /rest/api/2/myself HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nAuthorization: Basic " + auth
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String response = readToEnd(socket.getInputStream()); // returns only once the server closes
                String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
                assertThat(head).startsWith("http/1.1 200").contains("\r\nconnection: close");
                assertThat(response).contains(SandboxUsers.ADMIN_EMAIL);
            }
        }
    }

    private static String readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
