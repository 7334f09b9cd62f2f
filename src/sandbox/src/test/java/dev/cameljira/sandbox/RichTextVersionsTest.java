package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Rich text across API versions: wiki markup written through v2 reads back through v3 as the equivalent ADF, ADF
 * written through v3 reads back through v2 (and in webhook payloads) as wiki markup, and {@code expand=renderedFields}
 * renders HTML, on Cloud and on Data Center.
 */
class RichTextVersionsTest {

    private static final String WIKI = """
            h2. Steps
            *bold* and _italic_ with {{mvn verify}}, see [the docs|https://example.com/docs] and %s
            second line

            * one
            ** nested
            # first

            {code:java}
            int x = 1 < 2;
            {code}

            ||Name||Value||
            |a|-gone-|""";

    private static String issue(String description) {
        return "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":\"Rich\","
                + "\"description\":" + description + "}}";
    }

    /** The types of a node's children. */
    private static List<String> types(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.path("content").forEach(c -> out.add(c.path("type").asText()));
        return out;
    }

    private static JsonNode textWithMark(JsonNode paragraph, String mark) {
        for (JsonNode n : paragraph.path("content")) {
            for (JsonNode m : n.path("marks")) {
                if (mark.equals(m.path("type").asText())) {
                    return n;
                }
            }
        }
        throw new AssertionError("no text marked " + mark + " in " + paragraph);
    }

    @Nested
    class Cloud extends SpecCheckedSandboxTest {

        private Client admin;
        private WebhookReceiver receiver;

        @BeforeAll
        void clients() throws Exception {
            admin = Client.admin(sandbox);
            receiver = new WebhookReceiver();
            Client.Resp r = admin.post("/rest/webhooks/1.0/webhook", "{\"name\":\"rich\",\"url\":\"" + receiver.url("/hook")
                    + "\",\"events\":[\"jira:issue_created\",\"comment_created\"],\"excludeBody\":false}");
            assertThat(r.status()).as(r.text()).isEqualTo(201);
        }

        @AfterAll
        void stopReceiver() {
            receiver.close();
        }

        @Test
        void wikiWrittenThroughV2ReadsBackThroughV3AsAdf() {
            String wiki = WIKI.formatted("[~accountid:" + SandboxUsers.USER_ACCOUNT_ID + "]");
            Client.Resp created = admin.post("/rest/api/2/issue", issue(Client.json(wiki)));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            String key = created.json().get("key").asText();

            JsonNode doc = admin.get("/rest/api/3/issue/" + key + "?fields=description").json().at("/fields/description");
            assertThat(types(doc)).containsExactly("heading", "paragraph", "bulletList", "orderedList", "codeBlock", "table");
            assertThat(doc.at("/content/0/attrs/level").asInt()).isEqualTo(2);
            assertThat(doc.at("/content/0/content/0/text").asText()).isEqualTo("Steps");
            JsonNode para = doc.at("/content/1");
            assertThat(textWithMark(para, "strong").get("text").asText()).isEqualTo("bold");
            assertThat(textWithMark(para, "em").get("text").asText()).isEqualTo("italic");
            assertThat(textWithMark(para, "code").get("text").asText()).isEqualTo("mvn verify");
            JsonNode link = textWithMark(para, "link");
            assertThat(link.get("text").asText()).isEqualTo("the docs");
            assertThat(link.at("/marks/0/attrs/href").asText()).isEqualTo("https://example.com/docs");
            assertThat(types(para)).contains("mention", "hardBreak");
            JsonNode mention = para.findParent("accessLevel") == null ? null : para.findValue("attrs");
            assertThat(para.toString()).contains("\"id\":\"" + SandboxUsers.USER_ACCOUNT_ID + "\"")
                    .contains("\"text\":\"@" + SandboxUsers.USER_DISPLAY_NAME + "\"");
            assertThat(mention).isNotNull();
            assertThat(types(doc.at("/content/2/content/0"))).containsExactly("paragraph", "bulletList");
            assertThat(doc.at("/content/4/attrs/language").asText()).isEqualTo("java");
            assertThat(doc.at("/content/4/content/0/text").asText()).isEqualTo("int x = 1 < 2;");
            assertThat(types(doc.at("/content/5/content/0"))).containsExactly("tableHeader", "tableHeader");
            assertThat(types(doc.at("/content/5/content/1"))).containsExactly("tableCell", "tableCell");
            assertThat(textWithMark(doc.at("/content/5/content/1/content/1/content/0"), "strike").get("text").asText())
                    .isEqualTo("gone");

            assertThat(admin.get("/rest/api/2/issue/" + key).json().at("/fields/description").asText())
                    .as("v2 reads back what it wrote").isEqualTo(wiki);
        }

        @Test
        void adfWrittenThroughV3ReadsBackThroughV2AndWebhooksAsWiki() throws Exception {
            String adf = """
                    {"type":"doc","version":1,"content":[
                     {"type":"heading","attrs":{"level":1},"content":[{"type":"text","text":"Title"}]},
                     {"type":"paragraph","content":[{"type":"text","text":"bold","marks":[{"type":"strong"}]},
                       {"type":"text","text":" and "},{"type":"text","text":"it","marks":[{"type":"em"}]},{"type":"text","text":" "},
                       {"type":"text","text":"site","marks":[{"type":"link","attrs":{"href":"https://example.com"}}]},
                       {"type":"text","text":" "},{"type":"mention","attrs":{"id":"%s","text":"@Sandbox User"}}]},
                     {"type":"bulletList","content":[{"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"a"}]},
                       {"type":"orderedList","content":[{"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"b"}]}]}]}]}]},
                     {"type":"codeBlock","attrs":{"language":"sql"},"content":[{"type":"text","text":"select 1"}]},
                     {"type":"table","content":[{"type":"tableRow","content":[
                       {"type":"tableHeader","content":[{"type":"paragraph","content":[{"type":"text","text":"H"}]}]}]},
                      {"type":"tableRow","content":[{"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"c"}]}]}]}]}
                    ]}""".formatted(SandboxUsers.USER_ACCOUNT_ID);
            String expected = """
                    h1. Title

                    *bold* and _it_ [site|https://example.com] [~accountid:%s]

                    * a
                    *# b

                    {code:sql}
                    select 1
                    {code}

                    ||H||
                    |c|""".formatted(SandboxUsers.USER_ACCOUNT_ID);
            receiver.clear();
            Client.Resp created = admin.post("/rest/api/3/issue", issue(adf));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            String key = created.json().get("key").asText();
            assertThat(admin.get("/rest/api/2/issue/" + key).json().at("/fields/description").asText()).isEqualTo(expected);
            JsonNode hook = Client.MAPPER.readTree(receiver.nextEvent("jira:issue_created").body());
            assertThat(hook.at("/issue/fields/description").asText()).as("webhooks carry the v2 form").isEqualTo(expected);

            Client.Resp comment = admin.post("/rest/api/3/issue/" + key + "/comment", "{\"body\":{\"type\":\"doc\",\"version\":1,"
                    + "\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"done\",\"marks\":[{\"type\":\"strong\"}]}]}]}}");
            assertThat(comment.status()).as(comment.text()).isEqualTo(201);
            assertThat(admin.get("/rest/api/2/issue/" + key + "/comment").json().at("/comments/0/body").asText()).isEqualTo("*done*");
            JsonNode commentHook = Client.MAPPER.readTree(receiver.nextEvent("comment_created").body());
            assertThat(commentHook.at("/comment/body").asText()).isEqualTo("*done*");

            // and the v3 document is kept as written
            assertThat(admin.get("/rest/api/3/issue/" + key).json().at("/fields/description"))
                    .isEqualTo(Client.MAPPER.readTree(adf));
        }

        @Test
        void renderedFieldsRenderHtmlOnGetAndSearch() {
            String key = admin.post("/rest/api/2/issue", issue(Client.json(WIKI.formatted("[~accountid:" + SandboxUsers.USER_ACCOUNT_ID + "]"))))
                    .json().get("key").asText();
            admin.post("/rest/api/2/issue/" + key + "/comment", "{\"body\":\"_noted_\"}");
            JsonNode issue = admin.get("/rest/api/3/issue/" + key + "?expand=renderedFields").json();
            String html = issue.at("/renderedFields/description").asText();
            assertThat(html).contains("<h2><a name=\"Steps\"></a>Steps</h2>", "<b>bold</b>", "<em>italic</em>", "<tt>mvn verify</tt>",
                    "<a href=\"https://example.com/docs\" class=\"external-link\" rel=\"nofollow\">the docs</a>",
                    ">" + SandboxUsers.USER_DISPLAY_NAME + "</a>", "<br/>", "<ul>", "<ol>", "<pre class=\"code-java\">int x = 1 &lt; 2;</pre>",
                    "<th class='confluenceTh'>Name</th>", "<td class='confluenceTd'><del>gone</del></td>");
            assertThat(issue.at("/renderedFields/comment/comments/0/body").asText()).isEqualTo("<p><em>noted</em></p>");
            assertThat(issue.at("/renderedFields/created").asText()).matches("\\d{2}/\\w{3}/\\d{2} \\d{1,2}:\\d{2} [AP]M");
            assertThat(issue.at("/fields/description/type").asText()).isEqualTo("doc");

            JsonNode found = admin.get("/rest/api/3/search/jql?jql=" + URLEncoder.encode("key = " + key, StandardCharsets.UTF_8)
                    + "&fields=description&expand=renderedFields").json();
            assertThat(found.at("/issues/0/renderedFields/description").asText()).isEqualTo(html);
        }
    }

    @Nested
    class DataCenter extends SpecCheckedSandboxTest {

        private Client admin;

        @Override
        protected JiraSandbox.Builder configure(JiraSandbox.Builder builder) {
            return builder.mode(JiraSandbox.Mode.SERVER);
        }

        @BeforeAll
        void clients() {
            admin = Client.basic(sandbox, SandboxUsers.ADMIN_NAME, SandboxUsers.ADMIN_TOKEN);
        }

        @Test
        void renderedFieldsRenderWikiAsHtmlOnGetAndSearch() {
            String wiki = WIKI.formatted("[~" + SandboxUsers.USER_NAME + "]");
            Client.Resp created = admin.post("/rest/api/2/issue", issue(Client.json(wiki)));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            String key = created.json().get("key").asText();
            JsonNode issue = admin.get("/rest/api/2/issue/" + key + "?expand=renderedFields").json();
            assertThat(issue.at("/fields/description").asText()).isEqualTo(wiki);
            String html = issue.at("/renderedFields/description").asText();
            assertThat(html).contains("<h2><a name=\"Steps\"></a>Steps</h2>", "<b>bold</b>", "<ul>",
                    "name=" + SandboxUsers.USER_NAME, ">" + SandboxUsers.USER_DISPLAY_NAME + "</a>",
                    "<pre class=\"code-java\">int x = 1 &lt; 2;</pre>", "<th class='confluenceTh'>Value</th>");

            // POST: the DC spec types GET /search's expand as a JSON object (StringList), a defect its validator would report
            JsonNode found = admin.post("/rest/api/2/search", "{\"jql\":\"key = " + key + "\",\"expand\":[\"renderedFields\"]}").json();
            assertThat(found.at("/issues/0/renderedFields/description").asText()).isEqualTo(html);
        }
    }
}
