package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.servicenow.ServiceNowEmulator;
import dev.cameljira.sandbox.zendesk.ZendeskEmulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Raw characters in the request target that {@link java.net.URI} refuses but Jira's Tomcat (relaxed path and query
 * characters) and ServiceNow take ({@code ^ | { } " < > \ `}), as curl and hand-built paths send them: answered like
 * their percent-encoded form, on keep-alive connections too, with everything else as the JDK server answers it.
 * Raw sockets, since HTTP client libraries encode these characters themselves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RawRequestTargetTest {

    private static final String JIRA_AUTH = "Basic " + Base64.getEncoder().encodeToString(
            (SandboxUsers.ADMIN_EMAIL + ":" + SandboxUsers.ADMIN_TOKEN).getBytes(StandardCharsets.UTF_8));
    private static final String SN_AUTH = "Basic " + Base64.getEncoder().encodeToString(
            (ServiceNowEmulator.ADMIN_USER + ":" + ServiceNowEmulator.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final String CREATE = "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"},"
                                         + "\"summary\":\"raw\"}}";

    private JiraSandbox sandbox;

    @BeforeAll
    void start() {
        sandbox = JiraSandbox.start(JiraSandbox.Mode.CLOUD);
        sandbox.admin().createIssue("DEMO", "Task", "alpha one");
        sandbox.admin().createIssue("DEMO", "Task", "beta two");
        sandbox.serviceNow().createIncident(Map.of("short_description", "a", "urgency", "1"));
        sandbox.serviceNow().createIncident(Map.of("short_description", "b", "urgency", "3"));
        sandbox.serviceNow().createIncident(Map.of("short_description", "c", "urgency", "2"));
    }

    @AfterEach
    void resetFaults() {
        sandbox.admin().faults().reset();
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    @Test
    void aRawCaretInAServiceNowEncodedQueryIsTheEncodedQuery() throws IOException {
        String raw = "/api/now/table/incident?sysparm_query=urgency=1^ORurgency=3^ORDERBYDESCnumber&sysparm_fields=number";
        String encoded = "/api/now/table/incident?sysparm_query=urgency%3D1%5EORurgency%3D3%5EORDERBYDESCnumber"
                         + "&sysparm_fields=number";
        Resp rawAnswer = exchange(get(raw, SN_AUTH));
        Resp encodedAnswer = exchange(get(encoded, SN_AUTH));
        assertThat(rawAnswer.status).as(rawAnswer.text()).isEqualTo(200);
        assertThat(rawAnswer.json().get("result")).hasSize(2);
        assertThat(rawAnswer.text()).isEqualTo(encodedAnswer.text());
        assertThat(rawAnswer.json().get("result").get(0).get("number").asText())
                .isGreaterThan(rawAnswer.json().get("result").get(1).get("number").asText());
    }

    @Test
    void rawQuotesAndBarsInJqlAreTheEncodedJql() throws IOException {
        Resp raw = exchange(get("/rest/api/3/search/jql?fields=summary&jql=summary~\"alpha\"", JIRA_AUTH));
        assertThat(raw.status).as(raw.text()).isEqualTo(200);
        assertThat(raw.json().get("issues")).hasSize(1);
        assertThat(raw.json().get("issues").get(0).get("fields").get("summary").asText()).isEqualTo("alpha one");
        Resp encoded = exchange(get("/rest/api/3/search/jql?fields=summary&jql=summary~%22alpha%22", JIRA_AUTH));
        assertThat(raw.text()).isEqualTo(encoded.text());

        Resp rawBar = exchange(get("/rest/api/3/search/jql?fields=summary&jql=summary~\"a|b\"", JIRA_AUTH));
        Resp encodedBar = exchange(get("/rest/api/3/search/jql?fields=summary&jql=summary~%22a%7Cb%22", JIRA_AUTH));
        assertThat(rawBar.status).as(rawBar.text()).isEqualTo(encodedBar.status);
        assertThat(rawBar.text()).isEqualTo(encodedBar.text());
        assertThat(rawBar.header("content-type")).startsWith("application/json");
    }

    @Test
    void rawBracesAndBracketsInAPathSegmentReachJira() throws IOException {
        for (String key : List.of("{NOPE-1}", "[NOPE-1]", "NO<PE>", "a`b\\c")) {
            Resp r = exchange(get("/rest/api/3/issue/" + key, JIRA_AUTH));
            assertThat(r.status).as(key + ": " + r.text()).isEqualTo(404);
            assertThat(r.header("content-type")).startsWith("application/json");
            assertThat(r.json().get("errorMessages")).isNotEmpty();
        }
        List<String> journaled = sandbox.admin().requests().stream().map(e -> e.path()).toList();
        assertThat(journaled).contains("/rest/api/3/issue/%7BNOPE-1%7D", "/rest/api/3/issue/%5BNOPE-1%5D");
    }

    @Test
    void severalRequestsOnOneConnectionAreEachAnsweredInOrder() throws IOException {
        int before = sandbox.admin().issueCount();
        String chunked = "POST /rest/api/3/issue HTTP/1.1\r\nHost: x\r\nAuthorization: " + JIRA_AUTH + "\r\n"
                         + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                         + chunks(CREATE.replace("raw", "chunked ^|{}"));
        String fixed = "POST /rest/api/3/issue HTTP/1.1\r\nHost: x\r\nAuthorization: " + JIRA_AUTH + "\r\n"
                       + "Content-Type: application/json\r\nContent-Length: " + CREATE.length() + "\r\n\r\n" + CREATE;
        String sn = "/api/now/table/incident?sysparm_query=urgency=2^ORurgency=3^ORDERBYnumber&sysparm_fields=number";
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            // one at a time
            out.write(bytes(get("/rest/api/3/issue/{NOPE-2}", JIRA_AUTH) + chunked));
            assertThat(read(in).status).isEqualTo(404);
            Resp created = read(in);
            assertThat(created.status).as(created.text()).isEqualTo(201);
            out.write(bytes(fixed));
            assertThat(read(in).status).isEqualTo(201);
            // pipelined: all written at once
            out.write(bytes(get(sn, SN_AUTH) + fixed + get("/rest/api/3/search/jql?fields=summary&jql=summary~\"chunked\"",
                    JIRA_AUTH) + chunked + get("/rest/api/3/issue/" + created.json().get("key").asText() + "?fields=summary",
                    JIRA_AUTH)));
            Resp incidents = read(in);
            assertThat(incidents.status).isEqualTo(200);
            assertThat(incidents.json().get("result")).hasSize(2);
            assertThat(read(in).status).isEqualTo(201);
            Resp search = read(in);
            assertThat(search.status).isEqualTo(200);
            assertThat(search.json().get("issues")).hasSize(1);
            assertThat(read(in).status).isEqualTo(201);
            Resp issue = read(in);
            assertThat(issue.status).isEqualTo(200);
            assertThat(issue.json().get("fields").get("summary").asText()).isEqualTo("chunked ^|{}");
        }
        assertThat(sandbox.admin().issueCount()).isEqualTo(before + 4);
    }

    @Test
    void expectContinueIsPassedOn() throws IOException {
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(bytes("POST /rest/api/3/issue?x=^ HTTP/1.1\r\nHost: x\r\nAuthorization: " + JIRA_AUTH + "\r\n"
                            + "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: " + CREATE.length()
                            + "\r\n\r\n"));
            assertThat(read(in).status).isEqualTo(100);
            out.write(bytes(CREATE));
            assertThat(read(in).status).isEqualTo(201);
            out.write(bytes(get("/rest/api/3/issue/{NOPE-3}", JIRA_AUTH)));
            assertThat(read(in).status).isEqualTo(404);
        }
    }

    @Test
    void droppedConnectionsAreStillDropped() throws IOException {
        sandbox.admin().faults().dropNext(1);
        try (Socket s = connect()) {
            s.getOutputStream().write(bytes(get("/rest/api/3/issue/{NOPE-4}", JIRA_AUTH)));
            assertThat(readAll(s.getInputStream())).as("nothing but the close").isEmpty();
        }
        int before = sandbox.admin().issueCount();
        sandbox.admin().faults().dropResponseNext("POST", "/rest/api/3/issue", 1);
        try (Socket s = connect()) {
            s.getOutputStream().write(bytes("POST /rest/api/3/issue HTTP/1.1\r\nHost: x\r\nAuthorization: " + JIRA_AUTH
                                            + "\r\nContent-Type: application/json\r\nContent-Length: " + CREATE.length()
                                            + "\r\n\r\n" + CREATE));
            assertThat(readAll(s.getInputStream())).as("nothing but the close").isEmpty();
        }
        assertThat(sandbox.admin().issueCount()).as("applied, then dropped").isEqualTo(before + 1);
    }

    @Test
    void connectionCloseClosesTheClientsConnection() throws IOException {
        try (Socket s = connect()) {
            s.getOutputStream().write(bytes("GET /rest/api/3/issue/{NOPE-5} HTTP/1.1\r\nHost: x\r\nAuthorization: "
                                            + JIRA_AUTH + "\r\nConnection: close\r\n\r\n"));
            InputStream in = s.getInputStream();
            assertThat(read(in).status).isEqualTo(404);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void malformedRequestTargetsStillGetTheServersBadRequest() throws IOException {
        for (String target : List.of("/rest/api/3/issue/%zz", "/rest/api/3/search/jql?jql=%", "/a#b#^")) {
            try (Socket s = connect()) {
                s.getOutputStream().write(bytes(get(target, JIRA_AUTH)));
                Resp r = read(s.getInputStream());
                assertThat(r.status).as(target).isEqualTo(400);
                assertThat(r.text()).as(target).contains("URISyntaxException");
            }
        }
    }

    @Test
    void zendeskUrlsNameTheAddressTheClientUsedWithoutHostHeader() throws IOException {
        String auth = "Basic " + Base64.getEncoder().encodeToString((ZendeskEmulator.AGENT_EMAIL + "/token:"
                + ZendeskEmulator.AGENT_API_TOKEN).getBytes(StandardCharsets.UTF_8));
        try (Socket s = connect()) {
            s.getOutputStream().write(bytes("GET /api/v2/users/me.json HTTP/1.0\r\nAuthorization: " + auth + "\r\n\r\n"));
            Resp r = read(s.getInputStream());
            assertThat(r.status).as(r.text()).isEqualTo(200);
            assertThat(r.json().get("user").get("url").asText()).startsWith(sandbox.baseUrl() + "/api/v2/users/");
        }
    }

    @Test
    void specValidationSeesTheDecodedRequest() throws IOException {
        try (JiraSandbox checked = JiraSandbox.builder().validateAgainstSpec(true).build()) {
            checked.admin().createIssue("DEMO", "Task", "alpha");
            try (Socket s = new Socket("127.0.0.1", checked.port())) {
                s.getOutputStream().write(bytes(get("/rest/api/3/search/jql?fields=summary&jql=summary~\"alpha\"", JIRA_AUTH)
                                                + get("/rest/api/3/issue/{NOPE-6}", JIRA_AUTH)));
                assertThat(read(s.getInputStream()).status).isEqualTo(200);
                assertThat(read(s.getInputStream()).status).isEqualTo(404);
            }
            assertThat(checked.admin().specViolations()).isEmpty();
        }
    }

    @Test
    void closingTheSandboxClosesItsFrontsThreadsAndSockets() throws Exception {
        JiraSandbox other = JiraSandbox.start(JiraSandbox.Mode.SERVER);
        int port = other.port();
        Socket open = new Socket("127.0.0.1", port);
        open.getOutputStream().write(bytes(get("/rest/api/2/serverInfo", JIRA_AUTH)));
        assertThat(read(open.getInputStream()).status).isEqualTo(200);
        List<Thread> fronts = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("jira-sandbox-front-" + port + "-")).toList();
        assertThat(fronts).isNotEmpty();

        other.close();

        assertThat(readAll(open.getInputStream())).as("the open connection is closed").isEmpty();
        open.close();
        for (Thread t : fronts) {
            t.join(TimeUnit.SECONDS.toMillis(10));
        }
        assertThat(fronts).as("accept thread and the connection's two").hasSize(3).noneMatch(Thread::isAlive);
        try (Socket refused = new Socket("127.0.0.1", port)) {
            assertThat(readAll(refused.getInputStream())).isEmpty();
        } catch (ConnectException expected) {
            // the port is closed
        }
    }

    // --- raw HTTP/1.1 over a socket ---

    private Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", sandbox.port());
        s.setSoTimeout(10_000);
        return s;
    }

    private Resp exchange(String request) throws IOException {
        try (Socket s = connect()) {
            s.getOutputStream().write(bytes(request));
            return read(s.getInputStream());
        }
    }

    private static String get(String target, String auth) {
        return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + auth + "\r\nAccept: application/json\r\n\r\n";
    }

    private static String chunks(String body) {
        int half = body.length() / 2;
        return Integer.toHexString(half) + ";ext=1\r\n" + body.substring(0, half) + "\r\n"
               + Integer.toHexString(body.length() - half) + "\r\n" + body.substring(half) + "\r\n0\r\n\r\n";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try {
            return in.readAllBytes();
        } catch (SocketException reset) {
            return new byte[0];
        }
    }

    record Resp(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() throws IOException {
            return Client.MAPPER.readTree(body);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** One response: status line, headers, a body by Content-Length or chunked (none for 1xx, 204, 304). */
    private static Resp read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("connection closed");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            headers.putIfAbsent(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (status / 100 == 1 || status == 204 || status == 304) {
            return new Resp(status, headers, body.toByteArray());
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            line(in);
        } else {
            String length = headers.get("content-length");
            body.write(length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length)));
        }
        return new Resp(status, headers, body.toByteArray());
    }

    private static String line(InputStream in) throws IOException {
        List<Byte> bytes = new ArrayList<>();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                bytes.add((byte) c);
            }
        }
        if (c < 0 && bytes.isEmpty()) {
            return null;
        }
        byte[] b = new byte[bytes.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = bytes.get(i);
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
