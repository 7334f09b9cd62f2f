package dev.cameljira.sandbox.zendesk;

import java.util.Arrays;
import java.util.Optional;

/** A user's role. Agents and admins are "staff"; only they can be assignees. */
public enum ZendeskRole {
    END_USER("end-user"), AGENT("agent"), ADMIN("admin");

    private final String wireName;

    ZendeskRole(String wireName) {
        this.wireName = wireName;
    }

    /** The name used on the wire ("end-user"). */
    public String wireName() {
        return wireName;
    }

    /** True for agents and admins. */
    public boolean isStaff() {
        return this != END_USER;
    }

    /** Parses a wire name (case-insensitive). */
    public static Optional<ZendeskRole> fromWire(String value) {
        return Arrays.stream(values()).filter(r -> r.wireName.equalsIgnoreCase(value)).findFirst();
    }
}
