package dev.cameljira.sandbox.jql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The evaluation context and the query's null handling. */
class JqlContextTest {

    @Test
    void anAnonymousSearchMatchesNoCurrentUser() {
        JqlContext anonymous = new JqlContext(JqlFixture.BERLIN, JqlFixture.NOW, null);

        assertThat(anonymous.currentUserIds()).isEmpty();
        assertThat(JqlFixture.search("assignee = currentUser()", anonymous, JqlFixture.ISSUES)).isEmpty();
        assertThat(JqlFixture.search("assignee != currentUser()", anonymous, JqlFixture.ISSUES))
                .containsExactly("DEMO-10", "OPS-3", "DEMO-1");
    }

    @Test
    void theUserIdsAreCopied() {
        List<String> ids = new ArrayList<>(List.of("alice"));
        JqlContext context = new JqlContext(JqlFixture.BERLIN, JqlFixture.NOW, ids);
        ids.set(0, "bob");

        assertThat(JqlFixture.search("assignee = currentUser()", context, JqlFixture.ISSUES)).containsExactly("DEMO-1");
    }

    @Test
    void zoneAndNowAreRequired() {
        assertThatNullPointerException().isThrownBy(() -> new JqlContext(null, JqlFixture.NOW, List.of()))
                .withMessage("zone");
        assertThatNullPointerException().isThrownBy(() -> new JqlContext(JqlFixture.BERLIN, null, List.of()))
                .withMessage("now");
    }

    @Test
    void aFieldWithNullValuesIsEmpty() {
        JqlIssue nulls = new JqlIssue() {
            @Override
            public List<String> values(String field) {
                return null;
            }

            @Override
            public java.time.Instant date(String field) {
                return null;
            }

            @Override
            public long id() {
                return 1;
            }
        };
        JqlQuery query = Jql.parse("assignee is EMPTY AND labels not in (EMPTY) OR summary !~ x");

        assertThat(Jql.parse("assignee is EMPTY AND created is EMPTY").matches(nulls, JqlFixture.AS_ALICE)).isTrue();
        assertThat(query.matches(nulls, JqlFixture.AS_ALICE)).isFalse();
    }

    @Test
    void aQueryIsReusableAndShowsItsText() {
        JqlQuery query = Jql.parse("project = OPS");

        assertThat(query).hasToString("project = OPS");
        assertThat(JqlFixture.ISSUES.stream().filter(i -> query.matches(i, JqlFixture.AS_ALICE)).count()).isEqualTo(1);
        assertThat(JqlFixture.ISSUES.stream().filter(i -> query.matches(i, JqlFixture.AS_ALICE)).count()).isEqualTo(1);
    }
}
