package dev.cameljira.jira.test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import dev.cameljira.sandbox.spec.HttpExchangeRecord;
import dev.cameljira.sandbox.spec.JiraSpecValidator;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock server on a free loopback port whose every request, and every stubbed response, is validated against
 * Atlassian's spec. Tests stub error paths (429, 503, faults) here that a real Jira produces rarely; the stubs
 * themselves must look like Jira's answers.
 */
public final class SpecCheckedWireMock implements AutoCloseable {

    private final WireMockServer server;
    private final JiraSpecValidator validator;
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());

    public SpecCheckedWireMock(JiraSpecValidator validator) {
        this.validator = validator;
        this.server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.addMockServiceRequestListener(this::check);
        server.start();
    }

    public WireMockServer server() {
        return server;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Violations found so far (request and response). */
    public List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    /** Forgets the violations recorded so far (for a test that provokes one on purpose and asserted it). */
    public void clearViolations() {
        violations.clear();
    }

    private void check(Request request, Response response) {
        URI uri = URI.create(request.getUrl());
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            }
        }
        Map<String, List<String>> reqHeaders = new LinkedHashMap<>();
        for (HttpHeader h : request.getHeaders().all()) {
            reqHeaders.put(h.key(), h.values());
        }
        boolean faulted = response.getFault() != null || response.getStatus() == 0;
        Map<String, List<String>> respHeaders = new LinkedHashMap<>();
        if (!faulted && response.getHeaders() != null) {
            for (HttpHeader h : response.getHeaders().all()) {
                respHeaders.put(h.key(), h.values());
            }
        }
        HttpExchangeRecord rec = new HttpExchangeRecord(request.getMethod().getName(), uri.getRawPath(), query, reqHeaders,
                request.getBody() == null ? new byte[0] : request.getBody(), faulted ? 0 : response.getStatus(), respHeaders,
                faulted || response.getBody() == null ? new byte[0] : response.getBody());
        List<String> found = faulted ? validator.validateRequest(rec) : validator.validate(rec);
        violations.addAll(found);
    }

    @Override
    public void close() {
        server.stop();
    }
}
