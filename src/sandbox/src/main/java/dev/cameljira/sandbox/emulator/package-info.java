/**
 * Plumbing shared by the sandbox's non-Jira emulators (Zendesk, ServiceNow): the HTTP request and response records,
 * a regex router, the exchange handler that turns errors into JSON answers, Basic/Bearer credential parsing and an
 * asynchronous webhook dispatcher with retries. Everything product-specific (error shapes, header names, event
 * bodies, path syntax) is passed in by the emulator that uses it.
 *
 * <p>The Jira side has its own, differently shaped counterparts ({@code dev.cameljira.sandbox.http.Router} matches
 * {@code {placeholder}} segments, {@code dev.cameljira.sandbox.webhook.WebhookDispatcher} delivers to registrations
 * with Atlassian's headers and linear retries); only {@code dev.cameljira.sandbox.http.Json} is shared.
 */
package dev.cameljira.sandbox.emulator;
