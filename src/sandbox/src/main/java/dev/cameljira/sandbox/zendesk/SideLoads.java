package dev.cameljira.sandbox.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiRequest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Zendesk's side-loading: {@code ?include=users,groups,organizations} on ticket, comment, search and incremental
 * export answers adds top-level {@code users} (the requesters, submitters, assignees and comment authors the answer
 * names), {@code groups} and {@code organizations} arrays next to the records, so clients such as node-zendesk can
 * attach {@code requester}, {@code assignee} ... to each record (audits: their authors and the authors of their
 * comment events). The emulator has no groups or organizations: those
 * side-loads are empty. Other side-load names are ignored, as Zendesk ignores the ones an endpoint does not offer;
 * {@code tickets(users)} (the search form) counts as {@code users}. User answers (lists, show, the incremental user
 * exports) side-load {@code identities} instead ({@link #addToUsers}).
 */
final class SideLoads {
    private static final Pattern NAME = Pattern.compile("[a-z_]+");
    private static final List<String> RECORD_ARRAYS = List.of("tickets", "ticket", "comments", "results", "audits",
            "audit");
    private static final List<String> USER_FIELDS = List.of("requester_id", "submitter_id", "assignee_id",
            "author_id");

    private SideLoads() {
    }

    /** Adds the side-loads {@code request} asks for to {@code result}, from the records already rendered in it. */
    static ObjectNode add(ObjectNode result, ApiRequest request, ZendeskStore store) {
        Set<String> wanted = requested(request);
        if (wanted.contains("users")) {
            Set<Long> ids = new TreeSet<>();
            for (String name : RECORD_ARRAYS) {
                JsonNode records = result.get(name);
                if (records == null) {
                    continue;
                }
                for (JsonNode record : records.isArray() ? records : List.of(records)) {
                    List<JsonNode> nested = new java.util.ArrayList<>(List.of(record));
                    record.path("events").forEach(nested::add);
                    for (JsonNode r : nested) {
                        USER_FIELDS.stream().map(r::get).filter(id -> id != null && id.canConvertToLong())
                                .forEach(id -> ids.add(id.asLong()));
                    }
                }
            }
            ArrayNode users = result.putArray("users");
            ids.forEach(id -> store.user(id).ifPresent(u -> users.add(ZendeskJson.user(u, request.baseUrl()))));
        }
        return noGroupsOrOrganizations(result, wanted);
    }

    /**
     * The side-loads of user answers that the emulator has data for: {@code include=identities} adds the identities of
     * the users the answer holds (its {@code users} or {@code user}); {@code organizations} and {@code groups} are
     * empty (the account has none).
     */
    static ObjectNode addToUsers(ObjectNode result, ApiRequest request, ZendeskStore store) {
        Set<String> wanted = requested(request);
        if (wanted.contains("identities")) {
            ArrayNode identities = result.putArray("identities");
            List<JsonNode> users = new java.util.ArrayList<>();
            result.path("users").forEach(users::add);
            if (result.path("user").isObject()) {
                users.add(result.get("user"));
            }
            users.stream().map(u -> u.path("id").asLong()).distinct()
                    .flatMap(id -> store.identities(id).stream())
                    .forEach(i -> identities.add(ZendeskJson.identity(i, request.baseUrl())));
        }
        return noGroupsOrOrganizations(result, wanted);
    }

    /** The account has no groups or organizations: their side-loads, when asked for, are empty. */
    private static ObjectNode noGroupsOrOrganizations(ObjectNode result, Set<String> wanted) {
        if (wanted.contains("groups")) {
            result.putArray("groups");
        }
        if (wanted.contains("organizations")) {
            result.putArray("organizations");
        }
        return result;
    }

    /** Whether {@code include} names {@code name}. */
    static boolean requested(ApiRequest request, String name) {
        return requested(request).contains(name);
    }

    private static Set<String> requested(ApiRequest request) {
        Set<String> names = new TreeSet<>();
        for (String include : request.queryAll("include")) {
            Matcher m = NAME.matcher(include.toLowerCase(Locale.ROOT));
            while (m.find()) {
                names.add(m.group());
            }
        }
        return names;
    }
}
