package dev.cameljira.sandbox.jira.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.jira.model.Version;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** JSON views of project versions, as Jira renders them in the version API, issue fields and webhook payloads. */
public final class VersionViews {

    /** Jira's user-facing date format ({@code userReleaseDate}): {@code 28/Nov/26}. */
    private static final DateTimeFormatter USER_DATE = DateTimeFormatter.ofPattern("d/MMM/yy", Locale.ENGLISH);

    private VersionViews() {
    }

    /**
     * A version as {@code GET /version/{id}} returns it: {@code self, id, description?, name, archived, released,
     * startDate?, releaseDate?, overdue (unreleased with a release date), userStartDate?, userReleaseDate?, projectId}.
     */
    public static ObjectNode version(Version v, View view, LocalDate today) {
        ObjectNode n = issueField(v, view);
        if (v.startDate() != null) {
            n.put("startDate", v.startDate().toString());
        }
        if (!v.released() && v.releaseDate() != null) {
            n.put("overdue", v.releaseDate().isBefore(today));
        }
        if (v.startDate() != null) {
            n.put("userStartDate", USER_DATE.format(v.startDate()));
        }
        if (v.releaseDate() != null) {
            n.put("userReleaseDate", USER_DATE.format(v.releaseDate()));
        }
        n.put("projectId", v.projectId());
        return n;
    }

    /** A version as an issue's {@code fixVersions} / {@code versions} element: {@code self, id, description?, name, archived, released, releaseDate?}. */
    public static ObjectNode issueField(Version v, View view) {
        ObjectNode n = Json.object();
        n.put("self", view.api() + "/version/" + v.id());
        n.put("id", String.valueOf(v.id()));
        if (v.description() != null) {
            n.put("description", v.description());
        }
        n.put("name", v.name());
        n.put("archived", v.archived());
        n.put("released", v.released());
        if (v.releaseDate() != null) {
            n.put("releaseDate", v.releaseDate().toString());
        }
        return n;
    }

    /** An issue field's array of versions. */
    public static ArrayNode issueField(List<Version> versions, View view) {
        ArrayNode arr = Json.array();
        versions.forEach(v -> arr.add(issueField(v, view)));
        return arr;
    }
}
