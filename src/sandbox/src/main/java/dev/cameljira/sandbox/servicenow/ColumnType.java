package dev.cameljira.sandbox.servicenow;

/** The column types the emulated tables use; they decide input checks, comparisons and display values. */
enum ColumnType {
    /** Free text. */
    STRING,
    /** A whole number. */
    INTEGER,
    /** "true" / "false". */
    BOOLEAN,
    /** "yyyy-MM-dd HH:mm:ss" in UTC. */
    DATETIME,
    /** One of a fixed set of values, each with a label (state 1 = "New"). */
    CHOICE,
    /** The sys_id of a record of another table. */
    REFERENCE,
    /** A journal field (comments, work_notes): writing appends an entry, reading shows the entries. */
    JOURNAL,
    /** A read-only view of several journal fields (comments_and_work_notes). */
    JOURNAL_LIST,
    /** A 32-hex identifier that is not a reference (sys_id, element_id). */
    GUID
}
