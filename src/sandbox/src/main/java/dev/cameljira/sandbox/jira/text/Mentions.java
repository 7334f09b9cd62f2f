package dev.cameljira.sandbox.jira.text;

/**
 * Resolves the user of a wiki mention ({@code [~accountid:5b10a2844c20165700ede21g]} on Cloud, {@code [~jsmith]} on
 * Data Center) to the id an ADF mention carries and the name it shows.
 */
@FunctionalInterface
public interface Mentions {

    /** A resolved mention: the ADF {@code attrs.id} (accountId on Cloud, user name on Data Center) and display name. */
    record Mention(String id, String displayName) {
    }

    /** Resolves nobody: a mention keeps its reference as id and name. */
    Mentions NONE = ref -> null;

    /**
     * @param ref what follows {@code [~} in wiki markup: {@code accountid:<id>} or a user name
     * @return the user, or null when unknown
     */
    Mention resolve(String ref);

    /** The id a wiki reference stands for when the user is unknown: the reference without {@code accountid:}. */
    static String bareId(String ref) {
        return ref.regionMatches(true, 0, "accountid:", 0, 10) ? ref.substring(10) : ref;
    }
}
