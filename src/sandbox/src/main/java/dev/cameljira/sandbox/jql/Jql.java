package dev.cameljira.sandbox.jql;

/** Entry point of the JQL subset: a real parser (tokenizer + recursive descent), not regexes. PLACEHOLDER. */
public final class Jql {

    private Jql() {
    }

    /** Parses a query, or throws {@link JqlException} with a Jira-style message naming what was wrong. */
    public static JqlQuery parse(String jql) {
        throw new UnsupportedOperationException("JQL parser not written yet");
    }
}
