package dev.cameljira.jira.client;

import org.apache.hc.core5.http.message.BasicHeader;

/**
 * The {@code Authorization} header as sent to Jira, which prints without its credentials. Apache HttpClient logs every
 * request header through {@code toString()} when its {@code org.apache.hc.client5.http.headers} logger is at DEBUG (as
 * it is when an application sets the root logger to DEBUG); this header then shows as {@code Authorization: Basic
 * xxxxxx}. The value written on the wire is unchanged ({@link #getValue()}). HttpClient's wire logger
 * ({@code org.apache.hc.client5.http.wire}) dumps the raw bytes, credentials included: it must stay off where logs are
 * kept.
 */
final class CredentialHeader extends BasicHeader {

    private static final long serialVersionUID = 1L;

    CredentialHeader(String value) {
        super("Authorization", value, true);
    }

    @Override
    public String toString() {
        String value = getValue();
        int space = value == null ? -1 : value.indexOf(' ');
        return getName() + ": " + (space > 0 ? value.substring(0, space) + " " : "") + "xxxxxx";
    }
}
