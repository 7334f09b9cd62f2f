package dev.cameljira.sandbox.zendesk;

import java.time.Instant;

/**
 * The outcome of one ticket write: the ticket before (null on create) and after, the comment it added (or null),
 * the audit id, who made it and when.
 */
record TicketMutation(ZendeskTicket before, ZendeskTicket after, ZendeskComment comment, long auditId,
                      ZendeskUser actor, Instant at) {

    boolean isCreate() {
        return before == null;
    }

    boolean isDelete() {
        return after.status() == ZendeskStatus.DELETED && before != null && before.status() != ZendeskStatus.DELETED;
    }

    /** False for an update that changed no field and added no comment (Zendesk makes no audit for it). */
    boolean changedAnything() {
        return before == null || comment != null || !TicketDiff.between(before, after).isEmpty();
    }
}
