package dev.cameljira.sandbox.jira.model;

/** Value kinds of the sandbox's custom fields. */
public enum FieldKind {
    /** A number ({@code com.atlassian.jira.plugin.system.customfieldtypes:float}). */
    NUMBER("number", null, "com.atlassian.jira.plugin.system.customfieldtypes:float"),
    /** A single-line string ({@code textfield}). */
    STRING("string", null, "com.atlassian.jira.plugin.system.customfieldtypes:textfield"),
    /** A single select list ({@code select}), value {@code {"value": "..."}}. */
    SELECT("option", null, "com.atlassian.jira.plugin.system.customfieldtypes:select"),
    /** Labels-like string array ({@code labels}). */
    STRING_ARRAY("array", "string", "com.atlassian.jira.plugin.system.customfieldtypes:labels");

    private final String schemaType;
    private final String items;
    private final String customType;

    FieldKind(String schemaType, String items, String customType) {
        this.schemaType = schemaType;
        this.items = items;
        this.customType = customType;
    }

    public String schemaType() {
        return schemaType;
    }

    public String items() {
        return items;
    }

    public String customType() {
        return customType;
    }
}
