package dev.cameljira.sandbox.jira.render;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which fields to render, from Jira's {@code fields} parameter: {@code *all}, {@code *navigable}, field ids, and
 * {@code -id} exclusions (comma-separated, possibly repeated).
 */
public record FieldSelection(boolean all, boolean navigable, Set<String> include, Set<String> exclude) {

    /** Every field. */
    public static final FieldSelection ALL = new FieldSelection(true, false, Set.of(), Set.of());
    /** Navigable fields (Server search default). */
    public static final FieldSelection NAVIGABLE = new FieldSelection(false, true, Set.of(), Set.of());
    /** No field at all: an issue renders as its id (Cloud {@code /search/jql} default). */
    public static final FieldSelection NONE = new FieldSelection(false, false, Set.of(), Set.of());

    /** Parses the parameter values; an empty or absent parameter gives {@code fallback}. */
    public static FieldSelection parse(Collection<String> values, FieldSelection fallback) {
        if (values == null || values.isEmpty()) {
            return fallback;
        }
        boolean all = false;
        boolean navigable = false;
        Set<String> include = new LinkedHashSet<>();
        Set<String> exclude = new LinkedHashSet<>();
        boolean any = false;
        for (String value : values) {
            for (String raw : value.split(",")) {
                String token = raw.trim();
                if (token.isEmpty()) {
                    continue;
                }
                any = true;
                if (token.equals("*all")) {
                    all = true;
                } else if (token.equals("*navigable")) {
                    navigable = true;
                } else if (token.startsWith("-")) {
                    exclude.add(token.substring(1).toLowerCase(Locale.ROOT));
                } else {
                    include.add(token.toLowerCase(Locale.ROOT));
                }
            }
        }
        if (!any) {
            return fallback;
        }
        if (include.isEmpty() && !all && !navigable && !exclude.isEmpty()) {
            navigable = fallback.navigable || fallback.all;
            all = fallback.all;
        }
        return new FieldSelection(all, navigable, include, exclude);
    }

    /** Whether a field is selected. */
    public boolean selects(String fieldId, boolean fieldNavigable) {
        String id = fieldId.toLowerCase(Locale.ROOT);
        if (exclude.contains(id)) {
            return false;
        }
        return all || (navigable && fieldNavigable) || include.contains(id);
    }

    /** Whether nothing at all is selected. */
    public boolean isEmpty() {
        return !all && !navigable && include.isEmpty();
    }
}
