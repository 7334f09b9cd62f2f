package dev.cameljira.jira.compat;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.jira.JiraComponent;
import dev.cameljira.jira.JiraConfiguration;
import dev.cameljira.jira.test.JiraSandboxTestSupport;
import dev.cameljira.sandbox.SandboxUsers;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the camel-jira compatibility tests. Unlike the other component tests, the jira component here has NO shared
 * credentials: every endpoint is configured the way an Apache camel-jira user wrote it, with {@code jiraUrl},
 * {@code username} and {@code password} in the URI (on Jira Cloud the password is the API token, as camel-jira's docs
 * said; on Data Center the sandbox accepts the token as the password). The sandbox's state is read over its own REST
 * API, independently of the component.
 */
abstract class CamelJiraCompatSupport extends JiraSandboxTestSupport {


    /** Replaces the pre-configured component configuration by an empty one. */
    @Override
    protected void configure(CamelContext context) throws Exception {
        JiraComponent jira = context.getComponent("jira", JiraComponent.class);
        jira.setConfiguration(new JiraConfiguration());
        addRoutes(context);
    }

    /** Hook: the camel-jira style routes of a test class. */
    protected void addRoutes(CamelContext context) throws Exception {
    }

    /** The exchange, if it succeeded; else an AssertionError saying {@code what} failed, with the exchange's exception. */
    protected static Exchange succeeded(Exchange ex, String what) {
        if (ex.getException() != null) {
            throw new AssertionError(what + " failed: " + ex.getException(), ex.getException());
        }
        return ex;
    }

    /** Message headers from name, value, name, value, ... */
    protected static Map<String, Object> headers(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** The login camel-jira users put in {@code username}: the e-mail on Cloud, the user name on Data Center. */
    protected String login() {
        return isCloud() ? SandboxUsers.ADMIN_EMAIL : SandboxUsers.ADMIN_NAME;
    }

    /** The secret camel-jira users put in {@code password}: the API token on Cloud, the password on Data Center. */
    protected String secret() {
        return SandboxUsers.ADMIN_TOKEN;
    }

    /** {@code jira://op?jiraUrl=...&username=...&password=...}, as camel-jira's documentation wrote it. */
    protected String camelJiraUri(String operation) {
        return "jira://" + operation + "?jiraUrl=" + sandbox.baseUrl() + "&username=" + login() + "&password=" + secret();
    }

    /** The regular user as camel-jira users named a watcher or assignee: accountId on Cloud, user name on Data Center. */
    protected String userRef() {
        return isCloud() ? SandboxUsers.USER_ACCOUNT_ID : SandboxUsers.USER_NAME;
    }

    /** The plain texts of an issue's comments, read over REST (v3 ADF flattened to its text nodes). */
    protected List<String> commentTexts(String key) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : restGet("/issue/" + key + "/comment").path("comments")) {
            out.add(text(c.path("body")));
        }
        return out;
    }

    /** The text of a rich-text value: a wiki string (v2) or the concatenated text nodes of an ADF document (v3). */
    protected static String text(JsonNode richText) {
        if (richText == null || richText.isNull() || richText.isMissingNode()) {
            return null;
        }
        if (richText.isTextual()) {
            return richText.asText();
        }
        return String.join("", richText.findValuesAsText("text"));
    }

    /** Ids of an issue's watchers (accountId on Cloud, user name on Data Center), read over REST. */
    protected List<String> watcherIds(String key) {
        return restGet("/issue/" + key + "/watchers").path("watchers").findValuesAsText(isCloud() ? "accountId" : "name");
    }
}
