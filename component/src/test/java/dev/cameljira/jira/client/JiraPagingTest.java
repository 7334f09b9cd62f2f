package dev.cameljira.jira.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one last-page rule of Jira's startAt/maxResults listings (comments, changelog, project search, user search,
 * create metadata): which pages are read, and that a server which never ends a listing cannot make it loop for ever.
 */
class JiraPagingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A fake listing of {@code size} numbered items; records the startAt of every page read. */
    private static final class Listing {
        final int size;
        final List<Integer> reads = new ArrayList<>();

        Listing(int size) {
            this.size = size;
        }

        ArrayNode items(int startAt, int pageSize) {
            ArrayNode a = JSON.createArrayNode();
            for (int i = startAt; i < Math.min(size, startAt + pageSize); i++) {
                a.addObject().put("n", i);
            }
            return a;
        }

        IntFunction<JsonNode> withTotal(int pageSize) {
            return startAt -> {
                reads.add(startAt);
                ObjectNode page = JSON.createObjectNode().put("startAt", startAt).put("total", size);
                page.set("values", items(startAt, pageSize));
                return page;
            };
        }

        IntFunction<JsonNode> bareArray(int pageSize) {
            return startAt -> {
                reads.add(startAt);
                return items(startAt, pageSize);
            };
        }
    }

    private static List<Integer> numbers(PagedIterator<JsonNode> it) {
        return JiraPaging.all(it).stream().map(n -> n.path("n").asInt()).toList();
    }

    @Test
    void totalEndsTheListingWithoutAnExtraRequest() {
        Listing listing = new Listing(7);
        List<Integer> got = numbers(JiraPaging.offset(listing.withTotal(3), p -> p.path("values"), n -> n, 3, 0,
                JiraPaging.UNBOUNDED));
        assertThat(got).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(listing.reads).containsExactly(0, 3, 6);
    }

    @Test
    void isLastWinsOverTotal() {
        // a page that says it is the last ends the listing even though total promises more
        List<Integer> reads = new ArrayList<>();
        IntFunction<JsonNode> fetch = startAt -> {
            reads.add(startAt);
            ObjectNode page = JSON.createObjectNode().put("total", 100).put("isLast", startAt >= 2);
            ArrayNode values = page.putArray("values");
            values.addObject().put("n", startAt);
            values.addObject().put("n", startAt + 1);
            return page;
        };
        JiraPaging.all(JiraPaging.offset(fetch, p -> p.path("values"), n -> n, 2, 0, JiraPaging.UNBOUNDED));
        assertThat(reads).containsExactly(0, 2);
    }

    @Test
    void aBareArrayEndsWithAShortPage() {
        Listing listing = new Listing(5);
        assertThat(numbers(JiraPaging.offset(listing.bareArray(2), p -> p, n -> n, 2, 0, JiraPaging.UNBOUNDED)))
                .containsExactly(0, 1, 2, 3, 4);
        assertThat(listing.reads).containsExactly(0, 2, 4);
    }

    @Test
    void aBareArrayOfWholePagesEndsWithTheEmptyPage() {
        Listing listing = new Listing(4);
        assertThat(numbers(JiraPaging.offset(listing.bareArray(2), p -> p, n -> n, 2, 0, JiraPaging.UNBOUNDED)))
                .containsExactly(0, 1, 2, 3);
        assertThat(listing.reads).containsExactly(0, 2, 4);
    }

    @Test
    void theLimitStopsReadingPages() {
        Listing listing = new Listing(50);
        assertThat(numbers(JiraPaging.offset(listing.withTotal(2), p -> p.path("values"), n -> n, 2, 3,
                JiraPaging.UNBOUNDED))).containsExactly(0, 1, 2);
        assertThat(listing.reads).containsExactly(0, 2);
    }

    @Test
    void aServerThatNeverEndsIsReadAtMostMaxPagesTimes() {
        List<Integer> reads = new ArrayList<>();
        IntFunction<JsonNode> endless = startAt -> {
            reads.add(startAt);
            ObjectNode page = JSON.createObjectNode().put("isLast", false);
            page.putArray("values").addObject().put("n", startAt);
            return page;
        };
        List<JsonNode> got = JiraPaging.all(JiraPaging.offset(endless, p -> p.path("values"), n -> n, 1, 0, 4));
        assertThat(got).hasSize(4);
        assertThat(reads).containsExactly(0, 1, 2, 3);
    }

    @Test
    void itemsTheConverterRejectsAreSkippedButCountForTheNextStartAt() {
        Listing listing = new Listing(6);
        List<Integer> got = JiraPaging.all(JiraPaging.offset(listing.withTotal(3), p -> p.path("values"),
                n -> n.path("n").asInt() % 2 == 0 ? n.path("n").asInt() : null, 3, 0, JiraPaging.UNBOUNDED));
        assertThat(got).containsExactly(0, 2, 4);
        assertThat(listing.reads).containsExactly(0, 3);
    }

    /** A token-paged listing (Cloud's /search/jql): pages of {@code pageSize}, the token is the next offset. */
    private static java.util.function.Function<String, JsonNode> tokenPages(int size, int pageSize, List<String> reads,
                                                                           boolean withIsLast) {
        return token -> {
            reads.add(String.valueOf(token));
            int start = token == null ? 0 : Integer.parseInt(token.substring(1));
            ObjectNode page = JSON.createObjectNode();
            ArrayNode issues = page.putArray("issues");
            for (int i = start; i < Math.min(size, start + pageSize); i++) {
                issues.addObject().put("n", i);
            }
            boolean more = start + pageSize < size;
            if (more) {
                page.put("nextPageToken", "t" + (start + pageSize));
            }
            if (withIsLast) {
                page.put("isLast", !more);
            }
            return page;
        };
    }

    @Test
    void tokenPagingEndsWithThePageWithoutANextPageToken() {
        List<String> reads = new ArrayList<>();
        PagedIterator<JsonNode> it = JiraPaging.token(tokenPages(5, 2, reads, false), p -> p.path("issues"), n -> n, 2, 0,
                JiraPaging.UNBOUNDED);
        assertThat(numbers(it)).containsExactly(0, 1, 2, 3, 4);
        assertThat(reads).containsExactly("null", "t2", "t4");
        assertThat(it.pagesFetched()).isEqualTo(3);
    }

    @Test
    void tokenPagingFollowsIsLastLikeOffsetPaging() {
        // isLast=true ends the listing even when a token is (wrongly) sent along
        List<String> reads = new ArrayList<>();
        java.util.function.Function<String, JsonNode> lying = token -> {
            reads.add(String.valueOf(token));
            ObjectNode page = JSON.createObjectNode().put("isLast", true).put("nextPageToken", "again");
            page.putArray("issues").addObject().put("n", 0);
            return page;
        };
        assertThat(numbers(JiraPaging.token(lying, p -> p.path("issues"), n -> n, 1, 0, JiraPaging.UNBOUNDED)))
                .containsExactly(0);
        assertThat(reads).containsExactly("null");

        List<String> withIsLast = new ArrayList<>();
        assertThat(numbers(JiraPaging.token(tokenPages(4, 2, withIsLast, true), p -> p.path("issues"), n -> n, 2, 3,
                JiraPaging.UNBOUNDED))).as("the limit stops reading pages").containsExactly(0, 1, 2);
        assertThat(withIsLast).containsExactly("null", "t2");
    }

    @Test
    void anEmptyPageEndsEitherKindEvenWithATokenOrTotal() {
        ObjectNode empty = JSON.createObjectNode().put("total", 10).put("nextPageToken", "more");
        empty.putArray("issues");
        assertThat(JiraPaging.isLast(empty, 0, 0, 5, true)).isTrue();
        assertThat(JiraPaging.isLast(empty, 0, 0, 5, false)).isTrue();
    }
}
