package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * Tests that send deliberately wrong requests (to check the sandbox's 4xx answers) make the spec validator report
 * those requests. This accepts such request-side findings, and only them: the sandbox's responses must always
 * conform.
 */
final class SpecCheck {

    private SpecCheck() {
    }

    /** Asserts that every violation recorded so far is about a request (not a response) and names one of the rules; clears them. */
    static void expectRequestViolations(JiraSandbox sandbox, String... rules) {
        List<String> violations = sandbox.admin().specViolations();
        assertThat(violations).as("the deliberately wrong requests were reported").isNotEmpty();
        assertThat(violations).allSatisfy(v -> {
            assertThat(v).contains(" request: ");
            if (rules.length > 0) {
                assertThat(v).containsAnyOf(rules);
            }
        });
        sandbox.admin().clearSpecViolations();
    }

    /** Asserts that no violation was recorded, and forgets them so that one failure does not fail the next test. */
    static void assertConforms(JiraSandbox sandbox) {
        List<String> violations = sandbox.admin().specViolations();
        sandbox.admin().clearSpecViolations();
        assertThat(violations).isEmpty();
    }
}
