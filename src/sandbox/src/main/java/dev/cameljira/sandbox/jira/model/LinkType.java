package dev.cameljira.sandbox.jira.model;

/** An issue link type, e.g. Blocks ("is blocked by" / "blocks"). */
public record LinkType(String id, String name, String inward, String outward) {
}
