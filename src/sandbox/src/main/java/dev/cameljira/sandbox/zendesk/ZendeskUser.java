package dev.cameljira.sandbox.zendesk;

import java.time.Instant;

/**
 * A Zendesk user as the emulator stores it. Credentials are kept elsewhere and never appear here.
 *
 * @param id         the user id
 * @param name       display name
 * @param email      primary e-mail (unique, compared case-insensitively)
 * @param role       end-user, agent or admin
 * @param externalId optional external id
 * @param createdAt  creation time
 * @param updatedAt  last change
 */
public record ZendeskUser(long id, String name, String email, ZendeskRole role, String externalId,
                          Instant createdAt, Instant updatedAt) {
}
