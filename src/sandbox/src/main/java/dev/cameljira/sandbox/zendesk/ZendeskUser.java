package dev.cameljira.sandbox.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Zendesk user as the emulator stores it. Credentials and identities are kept elsewhere and never appear here.
 *
 * @param id         the user id
 * @param name       display name
 * @param email      primary e-mail (the value of the primary e-mail identity; null for a deleted user or one created
 *                   without an e-mail)
 * @param role       end-user, agent or admin
 * @param externalId optional external id (unique among active users, compared case-insensitively)
 * @param createdAt  creation time
 * @param updatedAt  last change
 * @param phone      optional primary phone number
 * @param tags       the user's tags, lower-case, without duplicates
 * @param userFields values of user fields by key, in the order they were first set
 * @param alias      optional alias shown to end users
 * @param details    optional details (e.g. an address)
 * @param notes      optional notes
 * @param signature  optional signature (agents and admins)
 * @param active     false once the user was deleted
 * @param suspended  true while the user is suspended (suspended and deleted users cannot sign in)
 */
public record ZendeskUser(long id, String name, String email, ZendeskRole role, String externalId,
                          Instant createdAt, Instant updatedAt, String phone, List<String> tags,
                          Map<String, JsonNode> userFields, String alias, String details, String notes,
                          String signature, boolean active, boolean suspended) {

    /** Defensive copies; null collections become empty ones. */
    public ZendeskUser {
        tags = tags == null ? List.of() : List.copyOf(tags);
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (userFields != null) {
            userFields.forEach((k, v) -> fields.put(k, v == null ? null : v.deepCopy()));
        }
        userFields = java.util.Collections.unmodifiableMap(fields);
    }

    /** An active, unsuspended user with no optional attributes. */
    public ZendeskUser(long id, String name, String email, ZendeskRole role, String externalId, Instant createdAt,
                       Instant updatedAt) {
        this(id, name, email, role, externalId, createdAt, updatedAt, null, List.of(), Map.of(), null, null, null,
                null, true, false);
    }

    /** True unless the user is deleted or suspended: only such users can authenticate. */
    public boolean canSignIn() {
        return active && !suspended;
    }
}
