package dev.cameljira.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.jira.render.View;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one router every emulated product routes with. */
class RouterTest {

    /** An error in a made-up product's shape, to see that misses are answered in the product's shape. */
    private static final class ProductError extends HttpError {
        private static final long serialVersionUID = 1L;

        ProductError(int status, String message) {
            super(status, message);
        }

        @Override
        public ObjectNode body() {
            return Json.object().put("problem", getMessage());
        }
    }

    private static ApiResponse text(String s) {
        return ApiResponse.bytes(200, "text/plain", s.getBytes(StandardCharsets.UTF_8));
    }

    private static ApiRequest request(String method, String path) {
        return new ApiRequest(method, path, Map.of(), Map.of(), Map.of(), new byte[0], null,
                new View("http://127.0.0.1", 0, false));
    }

    private static String body(ApiResponse r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aConstrainedPlaceholderMatchesOnlySegmentsOfItsPattern() {
        Router router = new Router()
                .add("GET", "/api/v2/tickets/{id:\\d+}", r -> text("ticket " + r.param("id")))
                .add("GET", "/api/v2/tickets/{name}", r -> text("named " + r.param("name")));

        assertThat(router.match("GET", "/api/v2/tickets/42").route().pattern()).isEqualTo("/api/v2/tickets/{id:\\d+}");
        assertThat(router.match("GET", "/api/v2/tickets/42").params()).isEqualTo(Map.of("id", "42"));
        assertThat(router.match("GET", "/api/v2/tickets/abc").params()).isEqualTo(Map.of("name", "abc"));
    }

    @Test
    void literalSegmentsBeatPlaceholdersWhateverTheRegistrationOrder() {
        Router router = new Router()
                .add("GET", "/issue/{key}", r -> text("issue"))
                .add("GET", "/issue/createmeta", r -> text("meta"));

        assertThat(router.match("GET", "/issue/createmeta").route().pattern()).isEqualTo("/issue/createmeta");
        assertThat(router.match("GET", "/issue/ABC-1").params()).containsEntry("key", "ABC-1");
    }

    @Test
    void aVersionSegmentIsConstrainedToItsValues() {
        Router router = new Router().add("GET", "/api/now/{version:v[12]}/table/{table}", r -> text(r.param("version")));

        assertThat(router.match("GET", "/api/now/v2/table/incident").status()).isEqualTo(200);
        assertThat(router.match("GET", "/api/now/v3/table/incident").status()).isEqualTo(404);
    }

    @Test
    void aKnownPathWithAnotherMethodIs405AndAnUnknownPath404() {
        Router router = new Router().add("GET", "/things/{id}", r -> text("x"));

        assertThat(router.match("DELETE", "/things/1").status()).isEqualTo(405);
        assertThat(router.match("GET", "/other/1").status()).isEqualTo(404);
        assertThat(router.match("GET", "/things/").status()).as("an empty segment is no id").isEqualTo(404);
    }

    @Test
    void dispatchHandsTheRouteItsParametersAndPrincipalAndAnswersMissesInTheProductsShape() {
        Router router = new Router((method, path) -> new ProductError(405, method + " not allowed"),
                (method, path) -> new ProductError(404, "no " + path))
                .add("GET", "/users/{id:\\d+}", r -> text(r.param("id") + " for " + r.principal(String.class)));

        assertThat(body(router.dispatch(request("GET", "/users/7"), "GET", "alice"))).isEqualTo("7 for alice");
        assertThatThrownBy(() -> router.dispatch(request("GET", "/users/7"), "PUT", "alice"))
                .isInstanceOfSatisfying(ProductError.class, e -> {
                    assertThat(e.status()).isEqualTo(405);
                    assertThat(ApiResponse.error(e).body()).asString(StandardCharsets.UTF_8)
                            .contains("\"problem\":\"PUT not allowed\"");
                });
        assertThatThrownBy(() -> router.dispatch(request("GET", "/users/x"), "GET", "alice"))
                .isInstanceOfSatisfying(ProductError.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void percentEncodedParametersAreDecodedAndCheckedDecoded() {
        Router router = new Router().add("GET", "/labels/{name:[a-z ]+}", r -> text(r.param("name")));

        assertThat(router.match("GET", "/labels/two%20words").params()).isEqualTo(Map.of("name", "two words"));
        assertThat(router.match("GET", "/labels/UPPER").status()).isEqualTo(404);
        assertThat(List.of(router.match("GET", "/labels/a").status())).containsExactly(200);
    }
}
