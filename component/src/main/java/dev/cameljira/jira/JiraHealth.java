package dev.cameljira.jira;

import java.util.Locale;

import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.client.JiraApiException;
import dev.cameljira.jira.client.JiraAuthenticationException;
import dev.cameljira.jira.client.JiraException;
import dev.cameljira.jira.client.JiraPermissionException;
import dev.cameljira.jira.client.JiraTransportException;
import dev.cameljira.jira.model.JiraMyself;
import dev.cameljira.jira.model.JiraUser;

/**
 * The readiness probe of a Jira connection: asks {@code /myself} once (no retries, so a probe answers quickly) and
 * says who we are and where, or why not. Messages name the user, never the secret.
 */
public final class JiraHealth {

    /**
     * Outcome of a probe. {@code reason} is one of up, unreachable, unauthorized, forbidden, error; user, deployment
     * (cloud, server) and apiVersion (2, 3) are set when up.
     */
    public record Status(boolean up, String reason, String message, String user, String deployment, int apiVersion) {

        static Status down(String reason, String message) {
            return new Status(false, reason, message, null, null, 0);
        }
    }

    private JiraHealth() {
    }

    public static Status probe(JiraApi api) {
        String url = api.baseUrl();
        String credentials = api.caller();
        try {
            JiraMyself myself = api.probeMyself();
            JiraUser me = myself == null ? null : myself.user();
            String user = me == null ? null : me.displayName();
            String id = me == null ? null : me.id();
            String who = user == null ? id : user + " (" + id + ")";
            String deployment = api.deployment().name().toLowerCase(Locale.ROOT);
            // fails (JiraInvalidInputException) when the configured apiVersion does not fit the detected deployment
            int version = api.apiVersion();
            return new Status(true, "up", "Connected to Jira " + deployment + " (REST v" + version + ") at " + url + " as " + who,
                    who, deployment, version);
        } catch (JiraAuthenticationException e) {
            return Status.down("unauthorized", "Jira at " + url + " rejected the credentials (401) of " + credentials
                                               + ": check username with apiToken (Cloud) or password (Data Center), or accessToken");
        } catch (JiraPermissionException e) {
            String jiraSays = e.getErrorMessages().isEmpty() ? "" : ": " + String.join("; ", e.getErrorMessages());
            return Status.down("forbidden", "Jira at " + url + " refused access (403) to " + credentials
                                            + ": the user lacks a permission (e.g. the site's product access or Browse users)" + jiraSays);
        } catch (JiraTransportException e) {
            return Status.down("unreachable", "Jira at " + url + " is unreachable: " + e.getMessage());
        } catch (JiraApiException e) {
            return Status.down("error", "Jira at " + url + " answered " + e.getStatus() + ": " + e.getMessage());
        } catch (JiraException e) {
            return Status.down("error", "Jira at " + url + " cannot be used as configured: " + e.getMessage());
        }
    }
}
