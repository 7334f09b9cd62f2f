package dev.cameljira.jira.consumer.poll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.client.JiraRequest;
import dev.cameljira.jira.model.ChangelogEntry;
import dev.cameljira.jira.model.JiraIssue;

/**
 * The change histories of a searched issue that may be new. {@code expand=changelog} in a search returns a capped slice
 * of each issue's histories (Jira Cloud: the latest 20-40, with {@code startAt}/{@code total}); only when that slice
 * may miss histories inside the window does this ask Jira for more, for that issue alone: Cloud pages
 * {@code GET /issue/{id}/changelog} backwards from the newest missing one and stops at the window start; Data Center
 * (which has no changelog resource) reads {@code GET /issue/{id}?expand=changelog}.
 */
final class ChangelogReader {

    static final int PAGE = 100;

    private ChangelogReader() {
    }

    /** The issue's histories that may be at or after {@code from}, oldest first (older ones may be included). */
    static List<ChangelogEntry> histories(JiraIssue issue, JiraApi api, Instant from) {
        JsonNode changelog = issue.changelog();
        List<ChangelogEntry> got = parse(changelog == null ? null : changelog.get("histories"));
        int total = changelog == null ? got.size() : changelog.path("total").asInt(got.size());
        if (total <= got.size()) {
            return sorted(got);
        }
        int startAt = changelog.path("startAt").asInt(0);
        if (startAt > 0 && before(oldest(got), from)) {
            return sorted(got); // the slice is the newest part and already reaches back past the window
        }
        Map<String, ChangelogEntry> all = new LinkedHashMap<>();
        got.forEach(h -> all.put(h.id(), h));
        if (api.isCloud()) {
            int missingFrom = startAt > 0 ? 0 : got.size();
            int missingTo = startAt > 0 ? startAt : total;
            readCloudBackwards(issue, api, from, missingFrom, missingTo).forEach(h -> all.put(h.id(), h));
        } else {
            JsonNode full = api.client().json(JiraRequest.get(api.api("/issue/" + JiraApi.seg(issue.id())))
                    .query("fields", "updated").query("expand", "changelog").subject("issue " + issue.key()));
            parse(full.path("changelog").get("histories")).forEach(h -> all.put(h.id(), h));
        }
        return sorted(new ArrayList<>(all.values()));
    }

    private static List<ChangelogEntry> readCloudBackwards(JiraIssue issue, JiraApi api, Instant from, int missingFrom, int missingTo) {
        List<ChangelogEntry> out = new ArrayList<>();
        int end = missingTo;
        while (end > missingFrom) {
            int start = Math.max(missingFrom, end - PAGE);
            JsonNode page = api.client().json(JiraRequest.get(api.api("/issue/" + JiraApi.seg(issue.id()) + "/changelog"))
                    .query("startAt", start).query("maxResults", end - start).subject("changelog of " + issue.key()));
            List<ChangelogEntry> values = parse(page.get("values"));
            out.addAll(values);
            if (values.isEmpty() || before(oldest(values), from)) {
                break;
            }
            end = start;
        }
        return out;
    }

    private static List<ChangelogEntry> parse(JsonNode histories) {
        List<ChangelogEntry> out = new ArrayList<>();
        if (histories != null) {
            histories.forEach(h -> {
                ChangelogEntry e = ChangelogEntry.from(h);
                if (e != null && e.id() != null) {
                    out.add(e);
                }
            });
        }
        return out;
    }

    private static Instant oldest(List<ChangelogEntry> histories) {
        return histories.stream().filter(h -> h.created() != null).map(h -> h.created().toInstant()).min(Comparator.naturalOrder())
                .orElse(null);
    }

    private static boolean before(Instant at, Instant from) {
        return at != null && at.isBefore(from);
    }

    private static List<ChangelogEntry> sorted(List<ChangelogEntry> histories) {
        histories.sort(Comparator.comparing((ChangelogEntry h) -> h.created() == null ? Instant.MIN : h.created().toInstant())
                .thenComparing(ChangelogEntry::id));
        return histories;
    }
}
