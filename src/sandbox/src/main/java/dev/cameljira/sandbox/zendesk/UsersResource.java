package dev.cameljira.sandbox.zendesk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.http.Router;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * /api/v2/users: list (by role), show, show_many, me, search, create, update ({@code PUT}, suspension included),
 * soft delete, create_or_update, and a user's identities. Lists and searches leave deleted users out; a deleted user
 * still shows by id, with {@code active: false}. Who may do what, as Zendesk's reference states it for accounts
 * without custom roles: updates need an agent (agents may update end users and their own profile, but not change a
 * role; admins anyone), deletes and create_or_update an admin, identities an agent; nobody may delete, suspend or
 * demote the account owner (the seeded admin). Others get Zendesk's 403 {@code Forbidden}.
 */
final class UsersResource {
    static final String FORBIDDEN = "You do not have access to this page. Please contact the account owner of this "
            + "help desk for further help.";
    private static final String ID = "{id:\\d+}";

    private final ZendeskStore store;

    UsersResource(ZendeskStore store) {
        this.store = store;
    }

    void register(Router router) {
        router.add("GET", "/api/v2/users", this::list)
                .add("POST", "/api/v2/users", this::create)
                .add("GET", "/api/v2/users/me", request -> single(200, request.principal(ZendeskUser.class), request))
                .add("GET", "/api/v2/users/search", this::search)
                .add("GET", "/api/v2/users/show_many", this::showMany)
                .add("POST", "/api/v2/users/create_or_update", this::createOrUpdate)
                .add("GET", "/api/v2/users/" + ID, request -> single(200, store.user(userId(request))
                        .orElseThrow(ApiException::notFound), request))
                .add("PUT", "/api/v2/users/" + ID, this::update)
                .add("DELETE", "/api/v2/users/" + ID, this::delete)
                .add("GET", "/api/v2/users/" + ID + "/identities", this::identities)
                .add("GET", "/api/v2/users/" + ID + "/identities/{identity:\\d+}", this::identity);
    }

    private ApiResponse list(ApiRequest request) {
        Set<String> roles = request.query().entrySet().stream()
                .filter(e -> e.getKey().equals("role") || e.getKey().equals("role[]"))
                .flatMap(e -> e.getValue().stream()).map(r -> r.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Optional<String> externalId = request.queryValue("external_id");
        List<ZendeskUser> users = store.activeUsers().stream()
                .filter(u -> roles.isEmpty() || roles.contains(u.role().wireName()))
                .filter(u -> externalId.map(id -> id.equalsIgnoreCase(u.externalId())).orElse(true)).toList();
        return ApiResponse.ok(SideLoads.addToUsers(Paging.page(request, "users", users, ZendeskUser::id,
                u -> ZendeskJson.user(u, request.baseUrl())), request, store));
    }

    private ApiResponse create(ApiRequest request) {
        UserChange change = UserJsonReader.read(TicketJsonReader.root(request, "user"));
        ZendeskUser user;
        synchronized (store) {
            user = store.createUser(change);
        }
        return single(201, user, request).header("Location", location(request, user));
    }

    /**
     * Updates the user the body's {@code external_id} (first) or {@code email} names, as Zendesk does (external ids
     * match case-insensitively and take the case sent): 200 for an existing user, 201 for a new one, both with a
     * {@code Location}. Admins only.
     */
    private ApiResponse createOrUpdate(ApiRequest request) {
        ZendeskUser actor = request.principal(ZendeskUser.class);
        if (actor.role() != ZendeskRole.ADMIN) {
            throw ApiException.forbidden(FORBIDDEN);
        }
        UserChange change = UserJsonReader.read(TicketJsonReader.root(request, "user"));
        synchronized (store) {
            Optional<ZendeskUser> existing = Optional.<ZendeskUser>empty();
            if (change.externalId() != null) {
                existing = store.userByExternalId(change.externalId());
            }
            if (existing.isEmpty() && change.email() != null) {
                existing = store.userByEmail(change.email());
            }
            if (existing.isPresent()) {
                ZendeskUser updated = store.updateUser(existing.get().id(), checked(actor, existing.get(), change));
                return single(200, updated, request).header("Location", location(request, updated));
            }
            ZendeskUser created = store.createUser(change);
            return single(201, created, request).header("Location", location(request, created));
        }
    }

    private ApiResponse update(ApiRequest request) {
        long id = userId(request);
        ZendeskUser actor = request.principal(ZendeskUser.class);
        UserChange change = UserJsonReader.read(TicketJsonReader.root(request, "user"));
        synchronized (store) {
            ZendeskUser target = store.activeUser(id).orElseThrow(ApiException::notFound);
            return single(200, store.updateUser(id, checked(actor, target, change)), request);
        }
    }

    private ApiResponse delete(ApiRequest request) {
        long id = userId(request);
        ZendeskUser actor = request.principal(ZendeskUser.class);
        synchronized (store) {
            ZendeskUser target = store.activeUser(id).orElseThrow(ApiException::notFound);
            if (actor.role() != ZendeskRole.ADMIN || store.isAccountOwner(target.id())) {
                throw ApiException.forbidden(FORBIDDEN);
            }
            return single(200, store.deleteUser(id), request);
        }
    }

    /** The change, once the actor may make it (else 403 and nothing changes). */
    private UserChange checked(ZendeskUser actor, ZendeskUser target, UserChange change) {
        boolean roleChange = change.role() != null && change.role() != target.role();
        boolean allowed = switch (actor.role()) {
            case ADMIN -> true;
            case AGENT -> (!target.role().isStaff() || target.id() == actor.id()) && !roleChange;
            case END_USER -> false;
        };
        boolean ownerChange = store.isAccountOwner(target.id())
                && (roleChange || Boolean.TRUE.equals(change.suspended()));
        if (!allowed || ownerChange) {
            throw ApiException.forbidden(FORBIDDEN);
        }
        return change;
    }

    private ApiResponse search(ApiRequest request) {
        Optional<String> externalId = request.queryValue("external_id");
        String query = request.queryValue("query").orElse(null);
        if (externalId.isEmpty() && query == null) {
            throw ApiException.badRequest("query or external_id is required");
        }
        String needle = query == null ? null
                : query.toLowerCase(Locale.ROOT).replaceFirst("^(email|name):", "").replace("\"", "");
        List<ZendeskUser> users = store.activeUsers().stream()
                .filter(u -> externalId.map(id -> id.equalsIgnoreCase(u.externalId())).orElse(true))
                .filter(u -> needle == null || (u.email() != null && u.email().toLowerCase(Locale.ROOT)
                        .contains(needle)) || u.name().toLowerCase(Locale.ROOT).contains(needle))
                .toList();
        return ApiResponse.ok(SideLoads.addToUsers(Paging.page(request, "users", users, ZendeskUser::id,
                user -> ZendeskJson.user(user, request.baseUrl())), request, store));
    }

    private ApiResponse showMany(ApiRequest request) {
        ObjectNode result = Json.object();
        ArrayNode array = result.putArray("users");
        List<ZendeskUser> shown = new java.util.ArrayList<>();
        request.queryValue("ids").ifPresent(ids -> Arrays.stream(ids.split(",")).map(String::trim)
                .filter(s -> s.matches("\\d{1,18}")).map(Long::parseLong).map(store::user)
                .flatMap(Optional::stream).forEach(shown::add));
        request.queryValue("external_ids").ifPresent(ids -> {
            List<String> wanted = Arrays.stream(ids.split(",")).map(String::trim).toList();
            store.activeUsers().stream().filter(u -> u.externalId() != null
                    && wanted.stream().anyMatch(w -> w.equalsIgnoreCase(u.externalId()))).forEach(shown::add);
        });
        shown.forEach(u -> array.add(ZendeskJson.user(u, request.baseUrl())));
        return ApiResponse.ok(SideLoads.addToUsers(result, request, store));
    }

    /** {@code GET users/{id}/identities} (agents): the user's e-mail identities, paged; {@code type[]} filters. */
    private ApiResponse identities(ApiRequest request) {
        ZendeskUser user = identityOwner(request);
        Set<String> types = new TreeSet<>(request.queryAll("type[]"));
        types.addAll(request.queryAll("type"));
        List<ZendeskIdentity> identities = store.identities(user.id()).stream()
                .filter(i -> types.isEmpty() || types.contains(i.type())).toList();
        return ApiResponse.ok(Paging.page(request, "identities", identities, ZendeskIdentity::id,
                i -> ZendeskJson.identity(i, request.baseUrl())));
    }

    private ApiResponse identity(ApiRequest request) {
        ZendeskUser user = identityOwner(request);
        long identityId = request.longParam("identity", ApiException::notFound);
        ZendeskIdentity identity = store.identities(user.id()).stream().filter(i -> i.id() == identityId)
                .findFirst().orElseThrow(ApiException::notFound);
        ObjectNode result = Json.object();
        result.set("identity", ZendeskJson.identity(identity, request.baseUrl()));
        return ApiResponse.ok(result);
    }

    private ZendeskUser identityOwner(ApiRequest request) {
        if (!request.principal(ZendeskUser.class).role().isStaff()) {
            throw ApiException.forbidden(FORBIDDEN);
        }
        return store.user(userId(request)).orElseThrow(ApiException::notFound);
    }

    private ApiResponse single(int status, ZendeskUser user, ApiRequest request) {
        ObjectNode result = Json.object();
        result.set("user", ZendeskJson.user(user, request.baseUrl()));
        return ApiResponse.json(status, SideLoads.addToUsers(result, request, store));
    }

    private static String location(ApiRequest request, ZendeskUser user) {
        return request.baseUrl() + "/api/v2/users/" + user.id() + ".json";
    }

    private static long userId(ApiRequest request) {
        return request.longParam("id", ApiException::notFound);
    }

}
