package dev.cameljira.jira.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.jira.client.PagedIterator;

/**
 * Jira's {@code startAt}/{@code maxResults} paging as a lazy {@link PagedIterator}, with one rule for the last page: an
 * empty page is the last; else the page's {@code isLast} decides when it has one; else its {@code total} (when not
 * negative); else a page shorter than asked for is the last (resources that answer a bare JSON array, such as user
 * search).
 */
final class OffsetPaging {

    /** No bound on the number of pages read. */
    static final int UNBOUNDED = Integer.MAX_VALUE;

    private OffsetPaging() {
    }

    /**
     * The items of a paged resource, read page by page as the iterator is consumed.
     *
     * @param fetch    reads the page at the given {@code startAt}, asking for {@code pageSize} items (or fewer)
     * @param itemsOf  the items of a page, e.g. {@code page -> page.path("values")}
     * @param convert  one item as a result; items it turns into null are skipped
     * @param pageSize the number of items asked for per page
     * @param limit    the most items returned; 0 or less for all
     * @param maxPages the most pages read, so that a misbehaving server cannot make a look-up loop for ever
     */
    static <T> PagedIterator<T> iterate(IntFunction<JsonNode> fetch, Function<JsonNode, JsonNode> itemsOf,
                                        Function<JsonNode, T> convert, int pageSize, long limit, int maxPages) {
        return new PagedIterator<>(0, new Pages<>(fetch, itemsOf, convert, pageSize, maxPages), limit);
    }

    /** Every item (up to the limit) as a list, reading all the pages now. */
    static <T> List<T> all(PagedIterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    /** Whether the page read at {@code startAt}, holding {@code count} items, is the last (see the class comment). */
    static boolean isLast(JsonNode page, int startAt, int count, int pageSize) {
        if (count == 0) {
            return true;
        }
        if (page.path("isLast").isBoolean()) {
            return page.path("isLast").booleanValue();
        }
        JsonNode total = page.path("total");
        if (total.isIntegralNumber() && total.asLong() >= 0) {
            return startAt + count >= total.asLong();
        }
        return count < pageSize;
    }

    /** Reads one page at a cursor (the startAt of the page) for {@link PagedIterator}. */
    private static final class Pages<T> implements Function<Object, PagedIterator.Page<T>> {

        private final IntFunction<JsonNode> fetch;
        private final Function<JsonNode, JsonNode> itemsOf;
        private final Function<JsonNode, T> convert;
        private final int pageSize;
        private final int maxPages;
        private int pagesRead;

        Pages(IntFunction<JsonNode> fetch, Function<JsonNode, JsonNode> itemsOf, Function<JsonNode, T> convert,
              int pageSize, int maxPages) {
            this.fetch = fetch;
            this.itemsOf = itemsOf;
            this.convert = convert;
            this.pageSize = pageSize;
            this.maxPages = maxPages;
        }

        @Override
        public PagedIterator.Page<T> apply(Object cursor) {
            int startAt = (Integer) cursor;
            JsonNode page = fetch.apply(startAt);
            JsonNode items = itemsOf.apply(page);
            List<T> out = new ArrayList<>(items.size());
            for (JsonNode item : items) {
                T converted = convert.apply(item);
                if (converted != null) {
                    out.add(converted);
                }
            }
            pagesRead++;
            boolean last = pagesRead >= maxPages || isLast(page, startAt, items.size(), pageSize);
            return new PagedIterator.Page<>(out, last ? null : startAt + items.size());
        }
    }
}
