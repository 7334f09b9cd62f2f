/**
 * Rich text for Jira: {@link dev.cameljira.jira.text.RichText} converts plain text and simple Markdown to Atlassian
 * Document Format (REST v3) and wiki markup (REST v2, Data Center), and reads ADF or wiki text back as plain text.
 * Depends on Jackson and commonmark-java (with its strikethrough and autolink extensions).
 */
package dev.cameljira.jira.text;
