package dev.cameljira.sandbox.jira.model;

import java.util.Set;

/**
 * A workflow transition.
 *
 * @param id     transition id as the REST API shows it
 * @param name   transition name ("Start Progress")
 * @param to     target status
 * @param from   ids of the statuses it is available from
 */
public record Transition(String id, String name, Status to, Set<String> from) {

    /** Whether the transition can be taken from the given status. */
    public boolean availableFrom(Status status) {
        return from.contains(status.id());
    }
}
