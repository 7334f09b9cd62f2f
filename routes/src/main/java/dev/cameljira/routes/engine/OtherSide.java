package dev.cameljira.routes.engine;

import java.util.List;
import java.util.Optional;

import dev.cameljira.routes.SyncSystem;

/**
 * Zendesk or ServiceNow as the sync engine needs it. Implementations reach the system only through its Camel
 * component (camel-zendesk, camel-servicenow) and raise that component's exceptions unchanged.
 */
public interface OtherSide {

    /** Which system this is. */
    SyncSystem system();

    /** The record, or empty when it does not exist (any more). */
    Optional<OtherRecord> read(String id);

    /** Comments / journal entries after the description, oldest first. */
    List<OtherComment> comments(OtherRecord record);

    /** Writes the change and answers the record as it is afterwards. */
    OtherRecord update(OtherRecord record, OtherChange change);

    /** Adds a comment (public, or a private note / work note) and answers its id when the system tells it. */
    String addComment(OtherRecord record, String text, boolean isPublic);

    /** Stores the Jira key on the record (external_id, correlation_id) and answers the record afterwards. */
    OtherRecord link(OtherRecord record, String jiraKey);

    /** An agent (someone who can be assigned) with this e-mail, if any. */
    Optional<Person> findAgent(String email);

    /** Whether the record qualifies for a new Jira issue (the template's selector). */
    boolean qualifies(OtherRecord record);

    /** Attachments of the record. */
    List<AttachmentInfo> attachments(OtherRecord record);

    /** The content of one of its attachments. */
    byte[] download(OtherRecord record, AttachmentInfo attachment);

    /** Attaches a file to the record. */
    void upload(OtherRecord record, String fileName, String contentType, byte[] content);

    /** How a canonical value reads in a log line ("6" is "Resolved" in ServiceNow). */
    default String label(String field, String value) {
        return value;
    }

    /** "Zendesk #12" / "ServiceNow INC0010001", for log lines and reports. */
    default String describe(OtherRecord record) {
        return system().displayName() + " " + (system() == dev.cameljira.routes.SyncSystem.ZENDESK ? "#" : "")
                + record.number();
    }

    /** "Zendesk #12" for an id only. */
    default String describe(String id) {
        return system().displayName() + " " + (system() == dev.cameljira.routes.SyncSystem.ZENDESK ? "#" : "") + id;
    }
}
