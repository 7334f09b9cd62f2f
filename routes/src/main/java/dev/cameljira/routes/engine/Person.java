package dev.cameljira.routes.engine;

import java.util.Locale;

/**
 * A person on one side: its id there (Zendesk user id, ServiceNow sys_id, Jira accountId or user name), e-mail (null
 * when hidden) and display name.
 */
public record Person(String id, String email, String name) {

    /** How the sync compares people across systems: the lower-case e-mail, else {@code id:<id>}. */
    public String identity() {
        if (email != null && !email.isBlank()) {
            return email.trim().toLowerCase(Locale.ROOT);
        }
        return id == null ? null : "id:" + id;
    }

    /** The identity of a possibly absent person (null = nobody). */
    public static String identityOf(Person p) {
        return p == null ? null : p.identity();
    }

    /** Name for log lines and comment author lines. */
    public String label() {
        if (name != null && !name.isBlank()) {
            return name;
        }
        return email != null ? email : String.valueOf(id);
    }
}
