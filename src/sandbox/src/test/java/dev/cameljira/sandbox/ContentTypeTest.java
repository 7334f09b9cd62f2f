package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Content types as Jira enforces them, in both modes: form-like bodies ({@code application/x-www-form-urlencoded},
 * {@code multipart/form-data}, {@code text/plain}) fail the XSRF check (403) unless {@code X-Atlassian-Token: no-check}
 * is sent; past it, JSON resources still refuse anything but {@code application/json} (415), and the attachment upload
 * anything but multipart. Nothing is changed by a refused request.
 */
class ContentTypeTest {

    private static final String ISSUE = "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"},"
            + "\"summary\":\"typed\"}}";

    @ParameterizedTest
    @EnumSource(JiraSandbox.Mode.class)
    void jsonResourcesTakeOnlyJsonAndFormLikeBodiesFailTheXsrfCheck(JiraSandbox.Mode mode) {
        try (JiraSandbox jira = JiraSandbox.builder().mode(mode).validateAgainstSpec(true).build()) {
            Client admin = Client.admin(jira);
            int before = jira.admin().issueCount();
            for (String formLike : new String[] {"text/plain", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x"}) {
                Client.Resp xsrf = send(admin, "POST", "/rest/api/2/issue", formLike, ISSUE, false);
                assertThat(xsrf.status()).as(formLike).isEqualTo(403);
                assertThat(xsrf.json().at("/errorMessages/0").asText()).isEqualTo("XSRF check failed");
                Client.Resp unsupported = send(admin, "POST", "/rest/api/2/issue", formLike, ISSUE, true);
                assertThat(unsupported.status()).as("no-check passes XSRF, not the media type: " + formLike).isEqualTo(415);
                assertThat(unsupported.json().at("/errorMessages/0").asText()).contains("application/json", formLike);
            }
            Client.Resp xml = send(admin, "POST", "/rest/api/2/issue", "application/xml", ISSUE, false);
            assertThat(xml.status()).as("not form-like: no XSRF check, but not JSON").isEqualTo(415);
            String key = jira.admin().createIssue("DEMO", "Task", "edited");
            Client.Resp put = send(admin, "PUT", "/rest/api/2/issue/" + key, "text/plain",
                    "{\"fields\":{\"summary\":\"changed\"}}", false);
            assertThat(put.status()).as("PUT is not XSRF-checked, but must be JSON").isEqualTo(415);
            assertThat(jira.admin().issue(key).at("/fields/summary").asText()).isEqualTo("edited");
            assertThat(jira.admin().issueCount()).as("nothing created").isEqualTo(before + 1);

            Client.Resp json = send(admin, "POST", "/rest/api/2/issue", "application/json; charset=UTF-8", ISSUE, false);
            assertThat(json.status()).as(json.text()).isEqualTo(201);
            Client.Resp attachmentAsJson = send(admin, "POST", "/rest/api/2/issue/" + key + "/attachments",
                    "application/json", "{}", true);
            assertThat(attachmentAsJson.status()).as("the upload takes multipart only").isEqualTo(415);
            assertThat(admin.upload("/rest/api/2/issue/" + key + "/attachments", "a.txt", new byte[] {1}, false).status())
                    .as("multipart without no-check").isEqualTo(403);
            assertThat(admin.upload("/rest/api/2/issue/" + key + "/attachments", "a.txt", new byte[] {1}, true).status())
                    .isEqualTo(200);
            assertThat(jira.admin().issue(key).at("/fields/attachment")).hasSize(1);
            SpecCheck.expectRequestViolations(jira, "validation.request.contentType.notAllowed", "jira.request.xsrf");
        }
    }

    private static Client.Resp send(Client client, String method, String path, String contentType, String body, boolean noCheck) {
        HttpRequest.Builder b = client.builder(path).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (noCheck) {
            b.header("X-Atlassian-Token", "no-check");
        }
        return client.send(b);
    }
}
