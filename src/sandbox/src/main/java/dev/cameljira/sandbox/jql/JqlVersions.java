package dev.cameljira.sandbox.jql;

import java.util.List;

/**
 * The versions the version functions list, supplied by the store: {@code releasedVersions([project])},
 * {@code unreleasedVersions([project])}, {@code latestReleasedVersion(project)} and
 * {@code earliestUnreleasedVersion(project)}.
 */
@FunctionalInterface
public interface JqlVersions {

    /** No versions at all: every version function lists nothing. */
    JqlVersions NONE = (function, arguments) -> List.of();

    /**
     * The ids of the versions {@code function} (lower-case name) lists for its {@code arguments} (project keys, ids
     * or names, as written); empty when it lists none, or when a project argument names no project.
     */
    List<String> ids(String function, List<String> arguments);

    /** The ids of the versions called {@code value} (a name, case-insensitive, or an id), in any project. */
    default List<String> named(String value) {
        return List.of();
    }

    /**
     * The ids of the versions that come {@code operator} ({@code >}, {@code >=}, {@code <}, {@code <=}) one of
     * {@code anchorIds} in the order of that version's project ({@code >}: later in the order).
     */
    default List<String> ordered(List<String> anchorIds, String operator) {
        return List.of();
    }
}
