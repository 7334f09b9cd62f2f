package dev.cameljira.sandbox.zendesk;

import java.time.Instant;

/**
 * One of a user's identities ({@code GET /api/v2/users/{id}/identities}). The emulator keeps e-mail identities: the
 * one a user is created with is primary; an e-mail added by {@code PUT /api/v2/users/{id}} is a secondary one.
 *
 * @param id        identity id
 * @param userId    the user it belongs to
 * @param type      {@code email}
 * @param value     the e-mail address
 * @param primary   whether it is the user's primary identity of its type
 * @param verified  whether it is verified (the emulator sends no verification e-mails: always true)
 * @param createdAt creation time
 * @param updatedAt last change
 */
public record ZendeskIdentity(long id, long userId, String type, String value, boolean primary, boolean verified,
                              Instant createdAt, Instant updatedAt) {
}
