package dev.cameljira.sandbox.jira.model;

import java.time.Instant;
import java.util.List;

/** One entry of an issue's changelog. */
public record ChangeHistory(long id, User author, Instant created, List<ChangeItem> items) {
}
