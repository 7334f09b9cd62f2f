package dev.cameljira.sandbox.jira.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A saved filter: a named JQL query of its owner, shared with nobody. Mutable; guarded by the store's lock. */
public final class Filter {
    private final long id;
    private final User owner;
    private String name;
    private String description;
    private String jql;
    private final Set<User> favouriteOf = new LinkedHashSet<>();
    private List<String> columns;

    public Filter(long id, User owner, String name, String jql) {
        this.id = id;
        this.owner = owner;
        this.name = name;
        this.jql = jql;
    }

    public long id() {
        return id;
    }

    public User owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public void name(String name) {
        this.name = name;
    }

    /** The description, or null. */
    public String description() {
        return description;
    }

    public void description(String description) {
        this.description = description;
    }

    public String jql() {
        return jql;
    }

    public void jql(String jql) {
        this.jql = jql;
    }

    /** The field ids of the filter's issue navigator columns, or null for the default columns. */
    public List<String> columns() {
        return columns;
    }

    public void columns(List<String> columns) {
        this.columns = columns == null ? null : List.copyOf(columns);
    }

    /** The users who marked it a favourite. */
    public Set<User> favouriteOf() {
        return favouriteOf;
    }
}
