/**
 * The sandbox's one HTTP plumbing, shared by the Jira, Zendesk and ServiceNow emulators: the request and response
 * records ({@link dev.cameljira.sandbox.http.ApiRequest}, {@link dev.cameljira.sandbox.http.ApiResponse}), the router
 * ({@link dev.cameljira.sandbox.http.Router}: {@code {placeholder}} segments, optionally constrained by a regular
 * expression, literal segments first), the error base every product's error shape extends
 * ({@link dev.cameljira.sandbox.http.HttpError}; Jira's is {@link dev.cameljira.sandbox.http.ApiException}), the
 * exchange reader and writer ({@link dev.cameljira.sandbox.http.ExchangeHandler}), Basic/Bearer credential parsing,
 * and the webhook sender with per-product retry policies and records
 * ({@link dev.cameljira.sandbox.http.WebhookSender}, {@link dev.cameljira.sandbox.http.WebhookSource}). Everything
 * product-specific (error bodies, header names, event bodies, retry rules) is passed in by the emulator using it.
 */
package dev.cameljira.sandbox.http;
