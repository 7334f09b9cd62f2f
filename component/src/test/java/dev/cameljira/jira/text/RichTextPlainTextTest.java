package dev.cameljira.jira.text;

import static dev.cameljira.jira.text.AdfJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

/** {@link RichText#toPlainText} and {@link RichText#isAdf} on ADF written by Jira (not by us). */
class RichTextPlainTextTest {

    private static String plain(String singleQuotedJson) {
        return RichText.toPlainText(json(singleQuotedJson));
    }

    @Test
    void nullsGiveNull() {
        assertThat(RichText.toPlainText(null)).isNull();
        assertThat(RichText.toPlainText(NullNode.instance)).isNull();
        assertThat(RichText.toPlainText(MissingNode.getInstance())).isNull();
    }

    @Test
    void stringsAreReturnedAsIs() {
        String wiki = "*bold* {code}x{code}\n\n[link|http://e.com]";
        assertThat(RichText.toPlainText(TextNode.valueOf(wiki))).isEqualTo(wiki);
        assertThat(RichText.toPlainText(TextNode.valueOf(""))).isEmpty();
    }

    @Test
    void otherJsonValuesAreRejectedWithAClearMessage() {
        assertThatThrownBy(() -> RichText.toPlainText(JsonNodeFactory.instance.numberNode(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got a JSON number");
        assertThatThrownBy(() -> RichText.toPlainText(json("{'content':[]}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("an object without a string \"type\"");
    }

    @Test
    void paragraphsHardBreaksAndEmptyParagraphs() {
        assertThat(plain("{'type':'doc','version':1,'content':["
                + "{'type':'paragraph','content':[{'type':'text','text':'one'},{'type':'hardBreak'},"
                + "{'type':'text','text':'two','marks':[{'type':'strong'}]}]},"
                + "{'type':'paragraph','content':[]},{'type':'paragraph'},"
                + "{'type':'paragraph','content':[{'type':'text','text':'three'}]}]}"))
                .isEqualTo("one\ntwo\n\nthree");
    }

    @Test
    void emptyDocumentIsEmptyText() {
        assertThat(plain("{'type':'doc','version':1,'content':[]}")).isEmpty();
    }

    @Test
    void mentionsEmojiDatesStatusAndCards() {
        assertThat(plain("{'type':'doc','version':1,'content':[{'type':'paragraph','content':["
                + "{'type':'mention','attrs':{'id':'5b10ac8d82e05b22cc7d4ef5','text':'@Mia Krystof','accessLevel':''}},"
                + "{'type':'text','text':' and '},"
                + "{'type':'mention','attrs':{'id':'abc','text':'Bob'}},{'type':'text','text':' '},"
                + "{'type':'emoji','attrs':{'shortName':':grinning:','id':'1f600','text':'😀'}},"
                + "{'type':'emoji','attrs':{'shortName':':custom:'}},{'type':'text','text':' due '},"
                + "{'type':'date','attrs':{'timestamp':'1582156800000'}},{'type':'text','text':' '},"
                + "{'type':'status','attrs':{'text':'IN PROGRESS','color':'blue'}},{'type':'text','text':' '},"
                + "{'type':'inlineCard','attrs':{'url':'https://e.atlassian.net/browse/ED-1'}}]}]}"))
                .isEqualTo("@Mia Krystof and @Bob 😀:custom: due 2020-02-20 IN PROGRESS "
                        + "https://e.atlassian.net/browse/ED-1");
    }

    @Test
    void linksKeepTextAndUrlOnlyWhenTheyDiffer() {
        assertThat(plain("{'type':'doc','version':1,'content':[{'type':'paragraph','content':["
                + "{'type':'text','text':'Read ','marks':[{'type':'link','attrs':{'href':'https://e.com/a'}}]},"
                + "{'type':'text','text':'this','marks':[{'type':'strong'},{'type':'link','attrs':{'href':'https://e.com/a'}}]},"
                + "{'type':'text','text':', then '},"
                + "{'type':'text','text':'https://e.com/b','marks':[{'type':'link','attrs':{'href':'https://e.com/b'}}]},"
                + "{'type':'text','text':' or '},"
                + "{'type':'text','text':'me@e.com','marks':[{'type':'link','attrs':{'href':'mailto:me@e.com'}}]}]}]}"))
                .isEqualTo("Read this (https://e.com/a), then https://e.com/b or me@e.com");
    }

    @Test
    void listsNestedListsAndOrderedStart() {
        assertThat(plain("{'type':'doc','version':1,'content':[{'type':'orderedList','attrs':{'order':3},'content':["
                + "{'type':'listItem','content':[{'type':'paragraph','content':[{'type':'text','text':'three'}]},"
                + "  {'type':'bulletList','content':[{'type':'listItem','content':[{'type':'paragraph','content':["
                + "    {'type':'text','text':'sub'},{'type':'hardBreak'},{'type':'text','text':'cont'}]}]}]}]},"
                + "{'type':'listItem','content':[{'type':'paragraph','content':[{'type':'text','text':'four'}]}]}]},"
                + "{'type':'bulletList','content':[{'type':'listItem','content':[{'type':'paragraph','content':[]}]}]}]}"))
                .isEqualTo("3. three\n   - sub\n   cont\n4. four\n\n-");
    }

    @Test
    void codeBlockQuoteRuleHeading() {
        assertThat(plain("{'type':'doc','version':1,'content':["
                + "{'type':'heading','attrs':{'level':2},'content':[{'type':'text','text':'Title'}]},"
                + "{'type':'codeBlock','attrs':{'language':'java'},'content':[{'type':'text','text':'a();\\n\\n  b();'}]},"
                + "{'type':'rule'},"
                + "{'type':'blockquote','content':[{'type':'paragraph','content':[{'type':'text','text':'q1'}]},"
                + "  {'type':'paragraph','content':[{'type':'text','text':'q2'}]}]}]}"))
                .isEqualTo("Title\n\na();\n\n  b();\n\n---\n\n> q1\n>\n> q2");
    }

    @Test
    void tablesRowByRowTabSeparated() {
        assertThat(plain("{'type':'doc','version':1,'content':[{'type':'table','attrs':{'isNumberColumnEnabled':false},"
                + "'content':[{'type':'tableRow','content':["
                + "  {'type':'tableHeader','content':[{'type':'paragraph','content':[{'type':'text','text':'Name'}]}]},"
                + "  {'type':'tableHeader','content':[{'type':'paragraph','content':[{'type':'text','text':'Value'}]}]}]},"
                + " {'type':'tableRow','content':["
                + "  {'type':'tableCell','content':[{'type':'paragraph','content':[{'type':'text','text':'a'}]},"
                + "     {'type':'paragraph','content':[{'type':'text','text':'b'},{'type':'hardBreak'},{'type':'text','text':'c'}]}]},"
                + "  {'type':'tableCell','content':[{'type':'paragraph','content':[{'type':'text','text':'1'}]}]}]}]}]}"))
                .isEqualTo("Name\tValue\na b c\t1");
    }

    @Test
    void panelsExpandsTasksAndDecisions() {
        assertThat(plain("{'type':'doc','version':1,'content':["
                + "{'type':'panel','attrs':{'panelType':'info'},'content':[{'type':'paragraph','content':[{'type':'text','text':'Info'}]}]},"
                + "{'type':'expand','attrs':{'title':'More'},'content':[{'type':'paragraph','content':[{'type':'text','text':'hidden'}]}]},"
                + "{'type':'taskList','attrs':{'localId':'x'},'content':["
                + "  {'type':'taskItem','attrs':{'localId':'1','state':'DONE'},'content':[{'type':'text','text':'done'}]},"
                + "  {'type':'taskItem','attrs':{'localId':'2','state':'TODO'},'content':[{'type':'text','text':'todo'}]}]},"
                + "{'type':'decisionList','attrs':{'localId':'y'},'content':["
                + "  {'type':'decisionItem','attrs':{'localId':'3','state':'DECIDED'},'content':[{'type':'text','text':'ship'}]}]}]}"))
                .isEqualTo("Info\n\nMore\nhidden\n\n[x] done\n[ ] todo\n\n- ship");
    }

    @Test
    void unknownNodesGiveTheirTextOrChildren() {
        assertThat(plain("{'type':'doc','version':1,'content':["
                + "{'type':'futureBlock','content':[{'type':'paragraph','content':[{'type':'text','text':'p1'}]},"
                + "  {'type':'paragraph','content':[{'type':'text','text':'p2'}]}]},"
                + "{'type':'paragraph','content':[{'type':'text','text':'x '},{'type':'futureInline','text':'inline'},"
                + "  {'type':'futureWrapper','content':[{'type':'text','text':' wrapped'}]}]},"
                + "{'type':'mediaSingle','content':[{'type':'media','attrs':{'type':'file','id':'1','collection':''}}]}]}"))
                .isEqualTo("p1\n\np2\n\nx inline wrapped");
    }

    @Test
    void fragmentsAndArraysOfNodesAreRenderedToo() {
        assertThat(plain("{'type':'paragraph','content':[{'type':'text','text':'only'}]}")).isEqualTo("only");
        assertThat(plain("[{'type':'paragraph','content':[{'type':'text','text':'a'}]},"
                + "{'type':'paragraph','content':[{'type':'text','text':'b'}]}]")).isEqualTo("a\n\nb");
    }

    @Test
    void absurdNestingIsRejectedNotAStackOverflow() {
        ObjectNode doc = JsonNodeFactory.instance.objectNode().put("type", "doc");
        ObjectNode current = doc;
        for (int i = 0; i < 5_000; i++) {
            current = current.putArray("content").addObject().put("type", "blockquote");
        }
        assertThatThrownBy(() -> RichText.toPlainText(doc)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nested deeper than");
    }

    @Test
    void isAdf() {
        assertThat(RichText.isAdf(json("{'type':'doc','version':1,'content':[]}"))).isTrue();
        assertThat(RichText.isAdf(json("{'type':'doc','content':[]}"))).isTrue();
        assertThat(RichText.isAdf(json("{'type':'doc'}"))).isFalse();
        assertThat(RichText.isAdf(json("{'type':'paragraph','content':[]}"))).isFalse();
        assertThat(RichText.isAdf(TextNode.valueOf("{\"type\":\"doc\",\"content\":[]}"))).isFalse();
        assertThat(RichText.isAdf(NullNode.instance)).isFalse();
        assertThat(RichText.isAdf(null)).isFalse();
        JsonNode produced = RichText.toAdf("text");
        assertThat(RichText.isAdf(produced)).isTrue();
    }
}
