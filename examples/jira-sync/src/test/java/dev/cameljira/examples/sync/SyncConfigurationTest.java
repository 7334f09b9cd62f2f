package dev.cameljira.examples.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** How the environment variables become the service's configuration, and what it refuses, naming what to fix. */
class SyncConfigurationTest {

    private static Map<String, String> jiraOnly() {
        Map<String, String> env = new HashMap<>();
        env.put("jira.url", "https://acme.atlassian.net/");
        env.put("jira.username", "bot@acme.com");
        env.put("jira.api-token", "jira-token-secret");
        return env;
    }

    private static SyncConfiguration read(Map<String, String> env) {
        return SyncConfiguration.fromEnvironment(k -> Optional.ofNullable(env.get(k)));
    }

    @Test
    void plainBaseUrlsBecomeWhatEachComponentWants() {
        Map<String, String> env = jiraOnly();
        env.put("zendesk.url", "https://acme.zendesk.com/api/v2/");
        env.put("zendesk.username", "agent@acme.com");
        env.put("zendesk.token", "zd-token");
        env.put("servicenow.url", "https://acme.service-now.com/");
        env.put("servicenow.username", "integration");
        env.put("servicenow.password", "sn-password");

        SyncConfiguration c = read(env);

        assertThat(c.embedded()).isFalse();
        assertThat(c.jira().url()).isEqualTo("https://acme.atlassian.net");
        assertThat(c.zendesk()).get().extracting(SyncConfiguration.Zendesk::url).isEqualTo("https://acme.zendesk.com");
        assertThat(c.serviceNow().get().apiUrl()).isEqualTo("https://acme.service-now.com/api");
        assertThat(c.serviceNow().get().oauthTokenUrl()).isEqualTo("https://acme.service-now.com/oauth_token.do");
        assertThat(c.jiraProject()).isEqualTo("DEMO");
        assertThat(c.pollInterval()).isEqualTo("30s");
        assertThat(c.webhooks()).isFalse();
        assertThat(c.since()).isEqualTo("now");
        assertThat(c.stateDirectory()).isEqualTo("jira-sync-state");
    }

    @Test
    void aSystemWithoutItsUrlIsNotSynced() {
        SyncConfiguration c = read(jiraOnly());

        assertThat(c.zendesk()).isEmpty();
        assertThat(c.serviceNow()).isEmpty();
        assertThat(c.describe()).contains("no Zendesk").contains("no ServiceNow").contains("no PUBLIC_URL");
    }

    @Test
    void aPersonalAccessTokenReplacesUserAndToken() {
        Map<String, String> env = new HashMap<>();
        env.put("jira.url", "https://jira.acme.com");
        env.put("jira.pat", "pat-secret");

        SyncConfiguration c = read(env);

        assertThat(c.jira().pat()).isEqualTo("pat-secret");
        assertThat(c.jira().username()).isNull();
    }

    @Test
    void missingCredentialsAreNamedByTheirVariables() {
        Map<String, String> noToken = jiraOnly();
        noToken.remove("jira.api-token");
        assertThatThrownBy(() -> read(noToken)).hasMessageContaining("JIRA_USERNAME and JIRA_API_TOKEN")
                .hasMessageContaining("JIRA_PAT");

        Map<String, String> zendesk = jiraOnly();
        zendesk.put("zendesk.url", "https://acme.zendesk.com");
        zendesk.put("zendesk.username", "agent@acme.com");
        assertThatThrownBy(() -> read(zendesk)).hasMessage("ZENDESK_URL is set but ZENDESK_TOKEN is not: set it to a "
                + "Zendesk API token");

        Map<String, String> oauth = jiraOnly();
        oauth.put("servicenow.url", "https://acme.service-now.com");
        oauth.put("servicenow.username", "integration");
        oauth.put("servicenow.password", "pw");
        oauth.put("servicenow.client-id", "client");
        assertThatThrownBy(() -> read(oauth)).hasMessageContaining("SERVICENOW_CLIENT_ID and SERVICENOW_CLIENT_SECRET");
    }

    @Test
    void wrongValuesAreRefusedWithTheAllowedOnes() {
        Map<String, String> url = jiraOnly();
        url.put("jira.url", "acme.atlassian.net");
        assertThatThrownBy(() -> read(url)).hasMessageContaining("JIRA_URL is 'acme.atlassian.net'");

        Map<String, String> poll = jiraOnly();
        poll.put("sync.poll-interval", "often");
        assertThatThrownBy(() -> read(poll)).hasMessageContaining("SYNC_POLL_INTERVAL is 'often'");

        Map<String, String> project = jiraOnly();
        project.put("jira.project", "demo project");
        assertThatThrownBy(() -> read(project)).hasMessageContaining("JIRA_PROJECT");

        Map<String, String> unsigned = jiraOnly();
        unsigned.put("sync.allow-unsigned", "yes");
        assertThatThrownBy(() -> read(unsigned)).hasMessageContaining("SYNC_ALLOW_UNSIGNED is 'yes'; allowed: true, false");
    }

    @Test
    void publicUrlTurnsWebhooksOnAndThenEverySecretIsRequired() {
        Map<String, String> env = jiraOnly();
        env.put("public.url", "https://sync.acme.com/");
        env.put("zendesk.url", "https://acme.zendesk.com");
        env.put("zendesk.username", "agent@acme.com");
        env.put("zendesk.token", "zd-token");
        env.put("jira.webhook-secret", "jira-hook-secret");

        assertThatThrownBy(() -> read(env)).hasMessageContaining("ZENDESK_WEBHOOK_SECRET is blank")
                .hasMessageContaining("SYNC_ALLOW_UNSIGNED=true");

        env.put("zendesk.webhook-secret", "zd-hook-secret");
        SyncConfiguration c = read(env);
        assertThat(c.webhooks()).isTrue();
        assertThat(c.publicUrl()).contains("https://sync.acme.com");

        env.remove("zendesk.webhook-secret");
        env.remove("jira.webhook-secret");
        env.put("sync.allow-unsigned", "true");
        assertThat(read(env).allowUnsigned()).isTrue();
    }

    @Test
    void noSecretInToStringOrDescribe() {
        Map<String, String> env = jiraOnly();
        env.put("zendesk.url", "https://acme.zendesk.com");
        env.put("zendesk.username", "agent@acme.com");
        env.put("zendesk.token", "zd-token-secret");
        env.put("servicenow.url", "https://acme.service-now.com");
        env.put("servicenow.username", "integration");
        env.put("servicenow.password", "sn-password-secret");
        env.put("servicenow.client-id", "client");
        env.put("servicenow.client-secret", "sn-client-secret");
        env.put("public.url", "https://sync.acme.com");
        env.put("jira.webhook-secret", "jira-hook-secret");
        env.put("zendesk.webhook-secret", "zd-hook-secret");
        env.put("servicenow.webhook-secret", "sn-hook-secret");

        SyncConfiguration c = read(env);

        for (String text : new String[] {c.toString(), c.describe(), c.jira().toString(), c.zendesk().get().toString(),
                c.serviceNow().get().toString()}) {
            assertThat(text).doesNotContain("jira-token-secret", "zd-token-secret", "sn-password-secret",
                    "sn-client-secret", "jira-hook-secret", "zd-hook-secret", "sn-hook-secret");
        }
    }
}
