package dev.cameljira.sandbox.jira.model;

/** A status category (To Do / In Progress / Done). */
public record StatusCategory(int id, String key, String colorName, String name) {
}
