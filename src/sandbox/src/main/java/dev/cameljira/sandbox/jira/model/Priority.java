package dev.cameljira.sandbox.jira.model;

/** An issue priority. */
public record Priority(String id, String name, String statusColor) {
}
