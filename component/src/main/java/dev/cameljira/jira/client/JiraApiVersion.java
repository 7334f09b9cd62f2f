package dev.cameljira.jira.client;

import java.util.Locale;

/** The Jira REST API version an endpoint speaks. */
public enum JiraApiVersion {
    /** REST v3 (ADF rich text) on Cloud, v2 on Data Center / Server. */
    AUTO(0),
    /** REST v2: wiki-markup strings; the only version of Data Center / Server. */
    V2(2),
    /** REST v3: rich text as ADF; Jira Cloud only. */
    V3(3);

    private final int number;

    JiraApiVersion(int number) {
        this.number = number;
    }

    /** 2 or 3; 0 for auto. */
    public int number() {
        return number;
    }

    /** auto, 2 or 3 (also v2, v3, any case). */
    public static JiraApiVersion parse(String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "auto", "0" -> AUTO;
            case "2", "v2" -> V2;
            case "3", "v3" -> V3;
            default -> throw new JiraInvalidInputException("apiVersion '" + value + "' is not one of auto, 2, 3");
        };
    }

    @Override
    public String toString() {
        return this == AUTO ? "auto" : String.valueOf(number);
    }
}
