package dev.cameljira.jira.client;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * A lazy iterator over a paged Jira collection: it fetches the next page only when the current one is consumed, so
 * {@code split(body()).streaming()} processes a search page by page without holding all results. Stops at the last
 * page or after {@code limit} items (0 or less = no limit).
 *
 * @param <T> item type
 */
public final class PagedIterator<T> implements Iterator<T>, Iterable<T> {

    /** One page: its items and the cursor of the next page (null on the last page). */
    public record Page<T>(List<T> items, Object nextCursor) {
    }

    private final Function<Object, Page<T>> fetcher;
    private final long limit;
    private Iterator<T> current = List.<T>of().iterator();
    private Object nextCursor;
    private boolean started;
    private boolean exhausted;
    private long returned;
    private int pagesFetched;

    /**
     * @param firstCursor cursor of the first page (may be null)
     * @param fetcher     fetches the page at a cursor
     * @param limit       maximum number of items to return; 0 or less for all
     */
    public PagedIterator(Object firstCursor, Function<Object, Page<T>> fetcher, long limit) {
        this.nextCursor = firstCursor;
        this.fetcher = fetcher;
        this.limit = limit;
    }

    @Override
    public boolean hasNext() {
        if (limit > 0 && returned >= limit) {
            return false;
        }
        while (!current.hasNext()) {
            if (exhausted || (started && nextCursor == null)) {
                return false;
            }
            Page<T> page = fetcher.apply(nextCursor);
            started = true;
            pagesFetched++;
            current = page.items().iterator();
            nextCursor = page.nextCursor();
            if (page.items().isEmpty()) {
                exhausted = true;
            }
        }
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        returned++;
        return current.next();
    }

    /** How many pages were requested so far. */
    public int pagesFetched() {
        return pagesFetched;
    }

    @Override
    public Iterator<T> iterator() {
        return this;
    }
}
