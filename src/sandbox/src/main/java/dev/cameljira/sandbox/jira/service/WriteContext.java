package dev.cameljira.sandbox.jira.service;

import dev.cameljira.sandbox.jira.model.Project;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.store.JiraStore;

/**
 * What a field writer needs to interpret a value: the store, the REST version the value came in (2 = wiki strings,
 * 3 = ADF), the target project and the acting user.
 */
public record WriteContext(JiraStore store, int apiVersion, Project project, User actor) {

    public boolean cloud() {
        return store.cloud();
    }

    /** How a user is named in change items: accountId on Cloud, key on Server. */
    public String userId(User user) {
        if (user == null) {
            return null;
        }
        return cloud() ? user.accountId() : user.key();
    }
}
