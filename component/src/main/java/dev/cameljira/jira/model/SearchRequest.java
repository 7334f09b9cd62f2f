package dev.cameljira.jira.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Typed body of searchIssues, and what {@code JiraApi.search} runs: a JQL query, the fields to return, what to expand,
 * the page size and the most issues to return. Values left null come from headers and endpoint options in the
 * producer. As JSON: {@code {"jql": "project = DEMO", "fields": ["summary","status"], "expand": "changelog",
 * "maxResults": 50, "limit": 200}} (fields and expand as a list or a comma-separated string).
 *
 * @param jql        the query; should be bounded (Jira Cloud refuses an unbounded one)
 * @param fields     field ids or names, or a wildcard such as {@code *navigable}
 * @param expand     what to expand, e.g. changelog
 * @param maxResults page size, at least 1
 * @param limit      the most issues returned in total; 0 for all
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchRequest(String jql,
                            @JsonAlias("fieldsToReturn")
                            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> fields,
                            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> expand,
                            Integer maxResults, Long limit) {

    public SearchRequest {
        fields = fields == null ? null : csv(fields);
        expand = expand == null ? null : csv(expand);
        if (maxResults != null && maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be at least 1, was " + maxResults);
        }
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException("limit must be 0 (all) or more, was " + limit);
        }
    }

    public static SearchRequest of(String jql) {
        return new SearchRequest(jql, null, null, null, null);
    }

    public SearchRequest withFields(List<String> value) {
        return new SearchRequest(jql, value, expand, maxResults, limit);
    }

    public SearchRequest withExpand(List<String> value) {
        return new SearchRequest(jql, fields, value, maxResults, limit);
    }

    public SearchRequest withMaxResults(Integer value) {
        return new SearchRequest(jql, fields, expand, value, limit);
    }

    public SearchRequest withLimit(Long value) {
        return new SearchRequest(jql, fields, expand, maxResults, value);
    }

    /** The page size, never more than the limit needs. */
    public int pageSize(int fallback) {
        int size = maxResults != null ? maxResults : fallback;
        return limit != null && limit > 0 ? (int) Math.min(size, limit) : size;
    }

    /** Items split at commas, trimmed, blanks dropped. */
    public static List<String> csv(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null) {
                for (String s : v.split(",")) {
                    if (!s.isBlank()) {
                        out.add(s.trim());
                    }
                }
            }
        }
        return List.copyOf(out);
    }
}
