package dev.cameljira.routes.engine;

import java.time.Instant;

/**
 * A comment of a ticket or an incident's journal entry.
 *
 * @param id        its id (Zendesk comment id, sys_journal_field sys_id)
 * @param author    who wrote it, for the "Jane Doe (Zendesk):" line
 * @param body      plain text
 * @param isPublic  a public reply / additional comment (false: private note / work note)
 * @param createdAt when it was written
 */
public record OtherComment(String id, String author, String body, boolean isPublic, Instant createdAt) {
}
