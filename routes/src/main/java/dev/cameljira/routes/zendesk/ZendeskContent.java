package dev.cameljira.routes.zendesk;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import dev.cameljira.routes.engine.Failures;
import dev.cameljira.routes.engine.SyncRejectedException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.zendesk.ZendeskComponent;
import org.apache.camel.component.zendesk.ZendeskConfiguration;

/**
 * Reads a Zendesk attachment's {@code content_url} (Zendesk's Java client has no call for it) through camel-http,
 * with the zendesk component's own credentials, which are sent only to the account's host.
 */
public final class ZendeskContent implements ZendeskSide.AttachmentDownloader {
    private final ProducerTemplate producer;
    private final ZendeskComponent component;
    private final String baseUrl;
    private final long maxBytes;

    public ZendeskContent(ProducerTemplate producer, ZendeskComponent component, String baseUrl, long maxBytes) {
        this.producer = producer;
        this.component = component;
        this.baseUrl = baseUrl;
        this.maxBytes = maxBytes;
    }

    @Override
    public byte[] download(String contentUrl) {
        URI target = URI.create(contentUrl);
        URI base = URI.create(baseUrl);
        boolean sameHost = base.getHost() != null && base.getHost().equalsIgnoreCase(target.getHost())
                && base.getPort() == target.getPort();
        String authorization = sameHost ? authorization() : null;
        Exchange result = producer.request(baseUrl.replaceFirst("^https?", target.getScheme()).replaceAll("/+$", "")
                + "?throwExceptionOnFailure=true&followRedirects=true", e -> {
                    e.getIn().setHeader(Exchange.HTTP_URI, contentUrl);
                    e.getIn().setHeader(Exchange.HTTP_METHOD, "GET");
                    if (authorization != null) {
                        e.getIn().setHeader("Authorization", authorization);
                    }
                });
        if (result.getException() != null) {
            throw Failures.rethrow(result.getException());
        }
        byte[] bytes = result.getMessage().getBody(byte[].class);
        if (bytes != null && bytes.length > maxBytes) {
            throw new SyncRejectedException("Zendesk attachment " + contentUrl.replaceAll("\\?.*", "") + " is larger than "
                    + maxBytes + " bytes", contentUrl.replaceAll("\\?.*", ""));
        }
        return bytes == null ? new byte[0] : bytes;
    }

    private String authorization() {
        ZendeskConfiguration c = component.getConfiguration();
        String user = first(component.getUsername(), c == null ? null : c.getUsername());
        String token = first(component.getToken(), c == null ? null : c.getToken());
        String password = first(component.getPassword(), c == null ? null : c.getPassword());
        String oauth = first(component.getOauthToken(), c == null ? null : c.getOauthToken());
        if (oauth != null) {
            return "Bearer " + oauth;
        }
        if (user != null && token != null) {
            return basic(user + "/token:" + token);
        }
        if (user != null && password != null) {
            return basic(user + ":" + password);
        }
        return null;
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
