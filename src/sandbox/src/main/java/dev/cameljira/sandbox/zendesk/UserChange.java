package dev.cameljira.sandbox.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A user create or update as {@code POST|PUT /api/v2/users[/{id}]} and {@code POST users/create_or_update} send it
 * ({@link UserJsonReader}). A null member means "not sent": on an update it leaves the attribute alone; to clear a
 * nullable attribute (external_id, phone, alias, details, notes, signature) the request names it with
 * {@code null}, which lands in {@code cleared}.
 *
 * @param name       new name
 * @param email      an e-mail: the primary one on create, an added secondary identity on update (as Zendesk
 *                   documents: "Writeable on create only. On update, a secondary email is added")
 * @param role       new role
 * @param externalId new external id
 * @param phone      new phone number
 * @param tags       replaces all tags
 * @param userFields user field values to set (merged by key; a JSON null stores null)
 * @param alias      new alias
 * @param details    new details
 * @param notes      new notes
 * @param signature  new signature
 * @param suspended  suspend (true) or unsuspend (false)
 * @param cleared    wire names of attributes sent as null
 */
record UserChange(String name, String email, ZendeskRole role, String externalId, String phone, List<String> tags,
                  Map<String, JsonNode> userFields, String alias, String details, String notes, String signature,
                  Boolean suspended, Set<String> cleared) {

    UserChange {
        tags = tags == null ? null : List.copyOf(tags);
        userFields = userFields == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(userFields));
        cleared = cleared == null ? Set.of() : Set.copyOf(cleared);
    }

    /** A create with a name, an e-mail and a role. */
    static UserChange of(String name, String email, ZendeskRole role, String externalId) {
        return new UserChange(name, email, role, externalId, null, null, null, null, null, null, null, null, null);
    }

    /** Only the suspension flag. */
    static UserChange suspend(boolean suspended) {
        return new UserChange(null, null, null, null, null, null, null, null, null, null, null, suspended, null);
    }
}
