package dev.cameljira.sandbox.jira.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.jira.JiraContext;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.store.JiraStore;

/**
 * Votes: {@code GET|POST|DELETE /issue/{key}/votes}, with Jira's rules: the caller votes (or withdraws) for themself;
 * the reporter cannot vote for their own issue, nobody votes on a resolved issue, and withdrawing a vote one has not cast
 * fails, each a 404 with Jira's message (as Jira's REST answers every refused vote). Success is 204; voting twice is a
 * no-op. {@code fields.votes.votes} counts the voters. Votes fire no webhook and add no change history.
 */
public final class VoteResource {

    static final String OWN_ISSUE = "You cannot vote for an issue you have reported.";
    static final String RESOLVED = "You cannot vote or change your vote on resolved issues.";
    static final String NOT_VOTED = "Cannot remove a vote for an issue that the user has not already voted for.";

    private final JiraContext ctx;
    private final JiraStore store;

    public VoteResource(JiraContext ctx) {
        this.ctx = ctx;
        this.store = ctx.store();
    }

    public void register(Router router) {
        router.add("GET", Paths.API + "/issue/{key}/votes", this::get);
        router.add("POST", Paths.API + "/issue/{key}/votes", this::vote);
        router.add("DELETE", Paths.API + "/issue/{key}/votes", this::unvote);
    }

    private ApiResponse get(ApiRequest req) {
        User caller = req.requireUser();
        return store.read(() -> {
            Issue issue = store.requireIssue(req.param("key"));
            ObjectNode n = Json.object();
            n.put("self", req.view().api() + "/issue/" + issue.key() + "/votes");
            n.put("votes", issue.voters().size());
            n.put("hasVoted", issue.voters().contains(caller));
            ArrayNode voters = n.putArray("voters");
            issue.voters().forEach(u -> voters.add(ctx.renderer().user(u, req.view())));
            return ApiResponse.ok(n);
        });
    }

    private ApiResponse vote(ApiRequest req) {
        User caller = req.requireUser();
        return store.write(() -> {
            Issue issue = checked(req, caller);
            issue.voters().add(caller);
            return ApiResponse.noContent();
        });
    }

    private ApiResponse unvote(ApiRequest req) {
        User caller = req.requireUser();
        return store.write(() -> {
            Issue issue = checked(req, caller);
            if (!issue.voters().remove(caller)) {
                throw ApiException.of(404, NOT_VOTED);
            }
            return ApiResponse.noContent();
        });
    }

    private Issue checked(ApiRequest req, User caller) {
        Issue issue = store.requireIssue(req.param("key"));
        if (caller.equals(issue.reporter())) {
            throw ApiException.of(404, OWN_ISSUE);
        }
        if (issue.resolution() != null) {
            throw ApiException.of(404, RESOLVED);
        }
        return issue;
    }
}
