package dev.cameljira.sandbox.jira.model;

import java.time.LocalDate;

/** A project version (release). Mutable; guarded by the store's lock. Equality is identity. */
public final class Version {
    private final long id;
    private final long projectId;
    private String name;
    private String description;
    private boolean archived;
    private boolean released;
    private LocalDate releaseDate;
    private LocalDate startDate;

    public Version(long id, long projectId, String name) {
        this.id = id;
        this.projectId = projectId;
        this.name = name;
    }

    public long id() {
        return id;
    }

    public long projectId() {
        return projectId;
    }

    public String name() {
        return name;
    }

    public void name(String value) {
        this.name = value;
    }

    /** The description, or null. */
    public String description() {
        return description;
    }

    public void description(String value) {
        this.description = value;
    }

    public boolean archived() {
        return archived;
    }

    public void archived(boolean value) {
        this.archived = value;
    }

    public boolean released() {
        return released;
    }

    public void released(boolean value) {
        this.released = value;
    }

    /** The release date, or null. */
    public LocalDate releaseDate() {
        return releaseDate;
    }

    public void releaseDate(LocalDate value) {
        this.releaseDate = value;
    }

    /** The start date, or null. */
    public LocalDate startDate() {
        return startDate;
    }

    public void startDate(LocalDate value) {
        this.startDate = value;
    }

    @Override
    public String toString() {
        return "Version[" + id + " " + name + "]";
    }
}
