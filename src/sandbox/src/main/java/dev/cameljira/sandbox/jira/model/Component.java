package dev.cameljira.sandbox.jira.model;

/** A project component. */
public record Component(String id, String name, String description) {
}
