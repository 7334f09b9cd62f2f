package dev.cameljira.jira.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.client.JiraBadRequestException;
import dev.cameljira.jira.client.JiraInvalidInputException;
import dev.cameljira.jira.client.JiraRequest;
import dev.cameljira.jira.client.JiraTransitionNotAvailableException;

/**
 * The transitions of one issue as cached in {@link JiraApi#cache()} under {@code transitions:<KEY>}, and performing
 * one of them. The entry is dropped after a transition (the issue's status, and so its transitions, changed).
 */
final class TransitionCache {

    /** One available transition: its id, name and target status. */
    record Available(String id, String name, String toStatus) {
        @Override
        public String toString() {
            return name + " (id " + id + ") -> " + toStatus;
        }
    }

    private final JiraApi api;
    private final String key;
    private boolean fresh;

    TransitionCache(JiraApi api, String key) {
        this.api = api;
        this.key = key;
    }

    static String cacheKey(String issueKey) {
        return "transitions:" + issueKey.toUpperCase(Locale.ROOT);
    }

    static void invalidate(JiraApi api, String issueKey) {
        api.cache().invalidate(cacheKey(issueKey));
    }

    /** Resolves {@code wanted} and posts the transition with {@code body}; retries once with a fresh list. */
    void perform(String wanted, ObjectNode body) {
        boolean byId = wanted.chars().allMatch(Character::isDigit);
        Available chosen = byId ? null : resolve(wanted);
        String id = byId ? wanted : chosen.id();
        try {
            post(id, body);
        } catch (JiraBadRequestException e) {
            if (fresh || !e.getFieldErrors().isEmpty()) {
                throw e;
            }
            // a stale cached id, or an id the issue does not offer: look again once
            invalidate(api, key);
            Available again = find(load(), wanted, e);
            if (again == null || again.id().equals(id)) {
                throw again == null ? unknown(wanted, load(), e) : e;
            }
            post(again.id(), body);
        }
        invalidate(api, key);
    }

    private void post(String id, ObjectNode body) {
        body.putObject("transition").put("id", id);
        api.client().send(OperationSupport.issueRequest(JiraRequest::post, api, key, "/transitions").body(body));
    }

    /** The transition named by {@code wanted}, looking again once when the cached list does not have it. */
    private Available resolve(String wanted) {
        Available found = find(load(), wanted, null);
        if (found == null && !fresh) {
            invalidate(api, key);
            found = find(load(), wanted, null);
        }
        if (found == null) {
            throw unknown(wanted, load(), null);
        }
        return found;
    }

    /** The cached list, fetching it when absent; {@link #fresh} tells whether it was fetched by this call. */
    private List<Available> load() {
        return api.cache().get(cacheKey(key), () -> {
            fresh = true;
            return fetch();
        });
    }

    private List<Available> fetch() {
        JsonNode n = api.client().json(OperationSupport.issueRequest(JiraRequest::get, api, key, "/transitions"));
        List<Available> out = new ArrayList<>();
        for (JsonNode t : n.path("transitions")) {
            out.add(new Available(t.path("id").asText(), t.path("name").asText(), t.path("to").path("name").asText()));
        }
        return List.copyOf(out);
    }

    /** Match by id, then name, then target status (case-insensitive); null when none matches. */
    static Available find(List<Available> list, String wanted, RuntimeException cause) {
        for (Available a : list) {
            if (a.id().equals(wanted)) {
                return a;
            }
        }
        for (Available a : list) {
            if (a.name().equalsIgnoreCase(wanted)) {
                return a;
            }
        }
        List<Available> byStatus = list.stream().filter(a -> a.toStatus().equalsIgnoreCase(wanted)).toList();
        if (byStatus.size() > 1) {
            JiraInvalidInputException e = new JiraInvalidInputException("transitionIssue: '" + wanted + "' is the target "
                    + "status of several transitions (" + byStatus.stream().map(Available::toString)
                    .collect(Collectors.joining(", ")) + "); name the transition or give its id");
            if (cause != null) {
                e.initCause(cause);
            }
            throw e;
        }
        return byStatus.isEmpty() ? null : byStatus.get(0);
    }

    private JiraTransitionNotAvailableException unknown(String wanted, List<Available> list, Throwable cause) {
        String available = list.isEmpty() ? "none is available to this user"
                : "available: " + list.stream().map(Available::toString).collect(Collectors.joining(", "));
        JiraTransitionNotAvailableException e = new JiraTransitionNotAvailableException("transitionIssue: " + key
                + " has no transition '" + wanted + "' (by id, name or target status) from its current status; " + available,
                key, wanted, list.stream().map(a -> a.name() + " -> " + a.toStatus()).toList());
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }
}
