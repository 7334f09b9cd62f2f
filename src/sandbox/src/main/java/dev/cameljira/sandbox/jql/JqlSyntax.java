package dev.cameljira.sandbox.jql;

/** Builds Jira-style syntax errors: {@code Error in the JQL Query: <detail> (line L, character C)}. */
final class JqlSyntax {

    static final String PREFIX = "Error in the JQL Query: ";

    private JqlSyntax() {
    }

    /** An error located at {@code offset} of {@code source}; line and character are 1-based. */
    static JqlException error(String detail, String source, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new JqlException(PREFIX + detail + " (line " + line + ", character " + (offset - lineStart + 1) + ")");
    }

    /** An error found at the end of the query: Jira gives no position then. */
    static JqlException atEnd(String detail) {
        return new JqlException(PREFIX + detail);
    }
}
