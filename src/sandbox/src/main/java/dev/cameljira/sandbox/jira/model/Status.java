package dev.cameljira.sandbox.jira.model;

/** A workflow status. */
public record Status(String id, String name, String description, StatusCategory category) {
}
