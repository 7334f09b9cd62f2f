package dev.cameljira.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Issue 11 item 3: Jira requests per poll cycle when 1,000 issues changed, vs Apache camel-jira's newComments, whose
 * count is computed from its algorithm (camel-jira cannot be resolved here: Atlassian's client is not on Maven Central).
 */
final class PollingBench {

    static final int CHANGED = 1000;
    static final int MAX_RESULTS = 50;

    private PollingBench() {
    }

    static void run(Bench.Options o, Report report) throws Exception {
        Map<String, String> r;
        try (Child c = Child.start("polling", o.jvm("-Xmx1g"), PollingEconomy.class, Integer.toString(CHANGED),
                Integer.toString(MAX_RESULTS))) {
            r = c.awaitResult(Duration.ofSeconds(400));
        }
        System.err.println("  " + r);
        int pages = (CHANGED + MAX_RESULTS - 1) / MAX_RESULTS;
        // Apache camel-jira (4.x) NewCommentsConsumer: the JQL search paged by maxResults (default 50), then
        // client.getIssue(key) for every issue found, to read its comments
        int apache = pages + CHANGED;
        for (String kind : List.of("newIssues", "updatedIssues", "newComments")) {
            int searches = Integer.parseInt(r.get(kind + ".searches"));
            int perIssue = Integer.parseInt(r.get(kind + ".perIssue"));
            int total = searches + perIssue;
            boolean comments = kind.equals("newComments");
            report.add("3. `jira:" + kind + "` Jira requests per poll cycle, " + CHANGED + " changed issues, maxResults="
                       + MAX_RESULTS + " (searches + per-issue)" + (comments ? "; baseline: Apache camel-jira newComments, "
                       + "computed" : ""), total + " (" + searches + " + " + perIssue + ")",
                    comments ? apache + " (" + pages + " + " + CHANGED + ")" : "", comments ? Report.ratio((double) total / apache) : "",
                    pages + " searches + 0 per-issue", searches == pages && perIssue == 0);
        }
        report.note("Polling: requests counted by the sandbox's request journal over one poll cycle (events emitted: newIssues "
                + r.get("newIssues.events") + ", updatedIssues " + r.get("updatedIssues.events") + ", newComments "
                + r.get("newComments.events") + "); once-per-start requests (serverInfo, myself, field lists): newIssues "
                + r.get("newIssues.other") + ", updatedIssues " + r.get("updatedIssues.other") + ", newComments "
                + r.get("newComments.other") + ". Apache camel-jira is not measured (its Atlassian client is not on Maven "
                + "Central); its count is its documented algorithm: the search paged by maxResults, then one getIssue per "
                + "matching issue.");
    }
}
