package dev.cameljira.sandbox.jira.search;

import dev.cameljira.sandbox.jira.model.Project;
import dev.cameljira.sandbox.jira.model.Version;
import dev.cameljira.sandbox.jira.store.JiraStore;
import dev.cameljira.sandbox.jql.JqlVersions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The version functions as Jira defines them, over the projects' versions (call under the store's lock; one instance
 * per search, as it remembers its answers):
 * <ul>
 *   <li>{@code releasedVersions([project, ...])} / {@code unreleasedVersions([project, ...])}: the released /
 *       unreleased versions of the projects (of every project without an argument), archived versions excluded;</li>
 *   <li>{@code latestReleasedVersion(project)}: the released version that comes last in the project's version order
 *       (the order of the project's release page, not release dates), archived versions excluded;</li>
 *   <li>{@code earliestUnreleasedVersion(project)}: the unreleased version that comes first in that order, archived
 *       versions excluded.</li>
 * </ul>
 * A project argument (key, id or name) that names no project lists nothing. {@link #ordered} compares versions by
 * that same project order ({@code fixVersion > "1.0"}).
 */
final class VersionFunctions implements JqlVersions {

    private final JiraStore store;
    private final Map<String, List<String>> answers = new HashMap<>();

    VersionFunctions(JiraStore store) {
        this.store = store;
    }

    @Override
    public List<String> ids(String function, List<String> arguments) {
        return answers.computeIfAbsent(function + arguments, k -> compute(function, arguments));
    }

    @Override
    public List<String> named(String value) {
        return answers.computeIfAbsent("named:" + value, k -> store.projects().stream().flatMap(p -> p.versions().stream())
                .filter(v -> v.name().equalsIgnoreCase(value) || String.valueOf(v.id()).equals(value))
                .map(v -> String.valueOf(v.id())).toList());
    }

    @Override
    public List<String> ordered(List<String> anchorIds, String operator) {
        return answers.computeIfAbsent(operator + anchorIds, k -> {
            List<String> ids = new ArrayList<>();
            for (Project project : store.projects()) {
                List<Version> order = project.versions();
                for (int a = 0; a < order.size(); a++) {
                    if (!anchorIds.contains(String.valueOf(order.get(a).id()))) {
                        continue;
                    }
                    for (int i = 0; i < order.size(); i++) {
                        boolean match = switch (operator) {
                            case ">" -> i > a;
                            case ">=" -> i >= a;
                            case "<" -> i < a;
                            case "<=" -> i <= a;
                            default -> false;
                        };
                        if (match) {
                            ids.add(String.valueOf(order.get(i).id()));
                        }
                    }
                }
            }
            return ids;
        });
    }

    private List<String> compute(String function, List<String> arguments) {
        List<Project> projects = new ArrayList<>();
        if (arguments.isEmpty()) {
            projects.addAll(store.projects());
        } else {
            for (String argument : arguments) {
                project(argument.trim()).ifPresent(projects::add);
            }
        }
        List<Version> listed = new ArrayList<>();
        for (Project project : projects) {
            List<Version> live = project.versions().stream().filter(v -> !v.archived()).toList();
            switch (function) {
                case "releasedversions" -> live.stream().filter(Version::released).forEach(listed::add);
                case "unreleasedversions" -> live.stream().filter(v -> !v.released()).forEach(listed::add);
                case "latestreleasedversion" -> live.stream().filter(Version::released)
                        .reduce((first, second) -> second).ifPresent(listed::add);
                case "earliestunreleasedversion" -> live.stream().filter(v -> !v.released())
                        .findFirst().ifPresent(listed::add);
                default -> {
                }
            }
        }
        return listed.stream().map(v -> String.valueOf(v.id())).toList();
    }

    private Optional<Project> project(String ref) {
        return store.project(ref).or(() -> store.projects().stream().filter(p -> p.name().equalsIgnoreCase(ref)).findFirst());
    }
}
