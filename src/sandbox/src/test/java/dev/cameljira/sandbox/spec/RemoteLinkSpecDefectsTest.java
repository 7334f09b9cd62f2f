package dev.cameljira.sandbox.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The remote-link fixes of {@link CloudSpecDefects} and {@link DcSpecDefects}: Jira's real answers (a list, or one
 * link for {@code ?globalId=}; 201 on create) conform, and each fix stays narrow: wrong shapes are still reported.
 */
class RemoteLinkSpecDefectsTest {

    private static final String LINK = """
            {"id":10000,"self":"http://jira.local/rest/api/%s/issue/DEMO-1/remotelink/10000",
             "globalId":"system=https://acme.zendesk.com&id=1","application":{"type":"com.zendesk","name":"Zendesk"},
             "relationship":"synced with","object":{"url":"https://acme.zendesk.com/agent/tickets/1","title":"ZD #1",
             "icon":{},"status":{"icon":{}}}}""";
    private static final String REQUEST = "{\"object\":{\"url\":\"https://example.com\",\"title\":\"t\"}}";

    private static JiraSpecValidator cloud;
    private static JiraSpecValidator dc;

    @BeforeAll
    static void load() {
        cloud = JiraSpecValidator.cloud();
        dc = JiraSpecValidator.dataCenter();
    }

    private static String link(int version) {
        return LINK.formatted(version);
    }

    @Test
    void cloudListAndSingleLinkConform() {
        String list = "/rest/api/3/issue/DEMO-1/remotelink";
        assertThat(cloud.validate(Exchange.get(list).respond(200, "[" + link(3) + "," + link(3) + "]").build())).isEmpty();
        assertThat(cloud.validate(Exchange.get(list).respond(200, "[]").build())).isEmpty();
        assertThat(cloud.validate(Exchange.get(list).query("globalId", "g").respond(200, link(3)).build())).isEmpty();
    }

    @Test
    void cloudStillChecksEveryListedLink() {
        String list = "/rest/api/3/issue/DEMO-1/remotelink";
        assertThat(cloud.validate(Exchange.get(list).respond(200, "[" + link(3).replace("\"id\":10000", "\"id\":\"x\"")
                + "]").build())).as("id must be a number").isNotEmpty();
        assertThat(cloud.validate(Exchange.get(list).respond(200, "[" + link(3).replace("{\"id\"", "{\"extra\":1,\"id\"")
                + "]").build())).as("RemoteIssueLink stays closed").isNotEmpty();
        assertThat(cloud.validate(Exchange.get(list).respond(200, "[[]]").build())).as("no nested arrays").isNotEmpty();
    }

    @Test
    void dcCreateAnswers201AndUpdate200WithIdAndSelf() {
        String post = "/rest/api/2/issue/DEMO-1/remotelink";
        String ref = "{\"id\":10000,\"self\":\"http://jira.local/rest/api/2/issue/DEMO-1/remotelink/10000\"}";
        assertThat(dc.validate(Exchange.post(post, REQUEST).respond(201, ref).build())).isEmpty();
        assertThat(dc.validate(Exchange.post(post, REQUEST).respond(200, ref).build())).isEmpty();
        assertThat(dc.validate(Exchange.post(post, REQUEST).respond(201, "{\"id\":\"10000\"}").build()))
                .as("the id is a number").isNotEmpty();
        assertThat(dc.validate(Exchange.post(post, REQUEST).respond(202, ref).build()))
                .as("other statuses are still undeclared").isNotEmpty();
    }

    @Test
    void dcListAndSingleLinkConformAndAreTyped() {
        String list = "/rest/api/2/issue/DEMO-1/remotelink";
        assertThat(dc.validate(Exchange.get(list).respond(200, "[" + link(2) + "]").build())).isEmpty();
        assertThat(dc.validate(Exchange.get(list).query("globalId", "g").respond(200, link(2)).build())).isEmpty();
        assertThat(dc.validate(Exchange.get(list + "/10000").respond(200, link(2)).build())).isEmpty();
        assertThat(dc.validate(Exchange.get(list + "/10000")
                .respond(200, link(2).replace("\"title\":\"ZD #1\"", "\"title\":7")).build()))
                .as("object.title is a string").isNotEmpty();
        assertThat(dc.validate(Exchange.get(list).respond(200, "[" + link(2).replace("\"relationship\":\"synced with\"",
                "\"relationship\":[]") + "]").build())).as("relationship is a string").isNotEmpty();
    }
}
