package dev.cameljira.sandbox.jira.search;

import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.store.JiraStore;
import dev.cameljira.sandbox.jql.Jql;
import dev.cameljira.sandbox.jql.JqlContext;
import dev.cameljira.sandbox.jql.JqlException;
import dev.cameljira.sandbox.jql.JqlQuery;
import java.util.ArrayList;
import java.util.List;

/** Parses JQL and evaluates it over the store. Callers hold the store's lock. */
public final class SearchService {

    /** Jira Cloud's message for a query without restrictions. */
    public static final String UNBOUNDED = "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.";

    private final JiraStore store;

    public SearchService(JiraStore store) {
        this.store = store;
    }

    /** Parses a query; a syntax error becomes a 400 with Jira's message. */
    public JqlQuery parse(String jql) {
        try {
            return Jql.parse(jql == null ? "" : jql);
        } catch (JqlException e) {
            throw ApiException.of(400, e.getMessage());
        }
    }

    /** Parses a query that must be bounded (Cloud {@code /search/jql}). */
    public JqlQuery parseBounded(String jql) {
        if (jql == null || jql.isBlank()) {
            throw ApiException.of(400, UNBOUNDED);
        }
        JqlQuery q = parse(jql);
        if (!q.isBounded()) {
            throw ApiException.of(400, UNBOUNDED);
        }
        return q;
    }

    /** Matching issues in the query's order (call under the lock). */
    public List<Issue> run(JqlQuery query, User user) {
        JqlContext context = context(user);
        List<IssueJqlView> matches = new ArrayList<>();
        for (Issue issue : store.issues()) {
            IssueJqlView view = new IssueJqlView(issue, store);
            if (query.matches(view, context)) {
                matches.add(view);
            }
        }
        if (query.ordering() != null) {
            matches.sort(query.ordering());
        }
        return matches.stream().map(IssueJqlView::issue).toList();
    }

    /** Whether one issue matches (webhook filters; call under the lock). */
    public boolean matches(JqlQuery query, Issue issue, User user) {
        return query.matches(new IssueJqlView(issue, store), context(user));
    }

    private JqlContext context(User user) {
        return new JqlContext(store.zone(), store.clock().instant(), user == null ? List.of() : user.identifiers());
    }
}
