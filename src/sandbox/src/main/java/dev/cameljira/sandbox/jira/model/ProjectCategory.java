package dev.cameljira.sandbox.jira.model;

/** A project category ({@code fields.project.projectCategory} of issues, {@code projectCategory} of projects). */
public record ProjectCategory(String id, String name, String description) {
}
