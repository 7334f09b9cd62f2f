package dev.cameljira.jira.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Jira's two kinds of paging as lazy {@link PagedIterator}s, with ONE rule for the last page (see
 * {@link #isLast(JsonNode, int, int, int, boolean)}): offset paging ({@code startAt}/{@code maxResults}: comments,
 * changelog, project and user search, create metadata, Data Center search) and token paging ({@code nextPageToken}:
 * Cloud's {@code /search/jql}).
 */
public final class JiraPaging {

    /** No bound on the number of pages read. */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    private JiraPaging() {
    }

    /**
     * Whether a page is the last one, for both kinds of paging, in this order: a page without items is the last; else
     * the page's {@code isLast} decides when it has one; else, for token paging, a page without a
     * {@code nextPageToken} is the last; else its {@code total} (when not negative); else a page shorter than asked
     * for is the last (resources that answer a bare JSON array, such as user search).
     *
     * @param page     the page as Jira answered it
     * @param startAt  the offset of the page's first item (0 for token paging)
     * @param count    the number of items on the page
     * @param pageSize the number of items asked for
     * @param token    whether the resource pages by {@code nextPageToken}
     */
    public static boolean isLast(JsonNode page, int startAt, int count, int pageSize, boolean token) {
        if (count == 0) {
            return true;
        }
        if (page.path("isLast").isBoolean()) {
            return page.path("isLast").booleanValue();
        }
        if (token) {
            return nextToken(page) == null;
        }
        JsonNode total = page.path("total");
        if (total.isIntegralNumber() && total.asLong() >= 0) {
            return startAt + count >= total.asLong();
        }
        return count < pageSize;
    }

    /**
     * The items of an offset-paged resource, read page by page as the iterator is consumed.
     *
     * @param fetch    reads the page at the given {@code startAt}, asking for {@code pageSize} items (or fewer)
     * @param itemsOf  the items of a page, e.g. {@code page -> page.path("values")}
     * @param convert  one item as a result; items it turns into null are skipped (but count for the next startAt)
     * @param pageSize the number of items asked for per page
     * @param limit    the most items returned; 0 or less for all
     * @param maxPages the most pages read, so that a misbehaving server cannot make a listing loop for ever
     */
    public static <T> PagedIterator<T> offset(IntFunction<JsonNode> fetch, Function<JsonNode, JsonNode> itemsOf,
                                              Function<JsonNode, T> convert, int pageSize, long limit, int maxPages) {
        int[] pagesRead = {0};
        return new PagedIterator<>(0, cursor -> {
            int startAt = (Integer) cursor;
            JsonNode page = fetch.apply(startAt);
            JsonNode items = itemsOf.apply(page);
            pagesRead[0]++;
            boolean last = pagesRead[0] >= maxPages || isLast(page, startAt, items.size(), pageSize, false);
            return new PagedIterator.Page<>(converted(items, convert), last ? null : startAt + items.size());
        }, limit);
    }

    /**
     * The items of a token-paged resource ({@code nextPageToken}), read page by page as the iterator is consumed.
     *
     * @param fetch    reads the page of a token (null for the first page)
     * @param itemsOf  the items of a page, e.g. {@code page -> page.path("issues")}
     * @param convert  one item as a result; items it turns into null are skipped
     * @param pageSize the number of items asked for per page
     * @param limit    the most items returned; 0 or less for all
     * @param maxPages the most pages read
     */
    public static <T> PagedIterator<T> token(Function<String, JsonNode> fetch, Function<JsonNode, JsonNode> itemsOf,
                                             Function<JsonNode, T> convert, int pageSize, long limit, int maxPages) {
        int[] pagesRead = {0};
        return new PagedIterator<>(null, cursor -> {
            JsonNode page = fetch.apply((String) cursor);
            JsonNode items = itemsOf.apply(page);
            pagesRead[0]++;
            String next = nextToken(page);
            boolean last = pagesRead[0] >= maxPages || next == null || isLast(page, 0, items.size(), pageSize, true);
            return new PagedIterator.Page<>(converted(items, convert), last ? null : next);
        }, limit);
    }

    /** Every item (up to the limit) as a list, reading all the pages now. */
    public static <T> List<T> all(PagedIterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private static String nextToken(JsonNode page) {
        JsonNode next = page.get("nextPageToken");
        return next == null || next.isNull() || next.asText().isEmpty() ? null : next.asText();
    }

    private static <T> List<T> converted(JsonNode items, Function<JsonNode, T> convert) {
        List<T> out = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            T c = convert.apply(item);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }
}
