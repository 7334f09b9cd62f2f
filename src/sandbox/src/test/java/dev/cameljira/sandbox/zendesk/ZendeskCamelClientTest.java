package dev.cameljira.sandbox.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cameljira.sandbox.emulator.CamelClientExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.zendesk.client.v2.ZendeskResponseException;
import org.zendesk.client.v2.model.Attachment;
import org.zendesk.client.v2.model.Comment;
import org.zendesk.client.v2.model.CustomFieldValue;
import org.zendesk.client.v2.model.Priority;
import org.zendesk.client.v2.model.Status;
import org.zendesk.client.v2.model.Ticket;
import org.zendesk.client.v2.model.User;

/** The real camel-zendesk 4.17 component (Zendesk Java client 1.3.1) against the emulator. */
class ZendeskCamelClientTest {
    @RegisterExtension
    static final CamelClientExtension<ZendeskTestServer> ENV =
            new CamelClientExtension<>(ZendeskTestServer::new, server -> server.emulator.reset());

    private static ZendeskEmulator emulator() {
        return ENV.server().emulator;
    }

    private static String uri(String method) {
        return uri(method, "username=" + ZendeskEmulator.AGENT_EMAIL
                + "&token=RAW(" + ZendeskEmulator.AGENT_API_TOKEN + ")");
    }

    private static String uri(String method, String auth) {
        return "zendesk:DEFAULT/" + method + "?serverUrl=RAW(" + ENV.server().baseUrl() + ")&" + auth;
    }

    private static Ticket newTicket(String subject, String externalId) {
        Ticket ticket = new Ticket();
        ticket.setSubject(subject);
        ticket.setComment(new Comment("The printer is on fire"));
        ticket.setExternalId(externalId);
        ticket.setPriority(Priority.HIGH);
        ticket.setTags(List.of("jira", "Sync"));
        ticket.setCustomFields(List.of(new CustomFieldValue(360001L, new String[] {"PROJ-1"})));
        return ticket;
    }

    private static Ticket create(Ticket ticket) {
        return ENV.template().requestBodyAndHeader(uri("createTicket"), null, "CamelZendesk.ticket", ticket,
                Ticket.class);
    }

    private static Ticket get(long id) {
        return ENV.template().requestBodyAndHeader(uri("getTicket"), null, "CamelZendesk.id", id, Ticket.class);
    }

    @Test
    void createTicketReturnsTheStoredTicketWithParsedFields() {
        Ticket created = create(newTicket("Printer on fire", "PROJ-1"));

        assertThat(created.getId()).isPositive();
        assertThat(created.getStatus()).isEqualTo(Status.NEW);
        assertThat(created.getPriority()).isEqualTo(Priority.HIGH);
        assertThat(created.getDescription()).isEqualTo("The printer is on fire");
        assertThat(created.getTags()).containsExactly("jira", "sync");
        assertThat(created.getCreatedAt()).isNotNull();
        assertThat(created.getUpdatedAt()).isEqualTo(created.getCreatedAt());
        assertThat(created.getCustomFields()).singleElement()
                .satisfies(f -> assertThat(f.getValue()).containsExactly("PROJ-1"));
        assertThat(created.getRequesterId()).isEqualTo(emulator().agent().id());
        assertThat(created.getUrl()).isEqualTo(ENV.server().baseUrl() + "/api/v2/tickets/" + created.getId() + ".json");

        ZendeskTicket stored = emulator().ticket(created.getId()).orElseThrow();
        assertThat(stored.externalId()).isEqualTo("PROJ-1");
        assertThat(stored.customField(360001L).orElseThrow().textValue()).isEqualTo("PROJ-1");
    }

    @Test
    void getTicketReadsASeededTicketAndAnUnknownIdIsNull() {
        ZendeskTicket seeded = emulator().createTicket(TicketDraft.of("Seeded", "From the admin API")
                .withExternalId("EXT-9").withStatus(ZendeskStatus.PENDING).withTags("a"));

        Ticket read = get(seeded.id());

        assertThat(read.getSubject()).isEqualTo("Seeded");
        assertThat(read.getExternalId()).isEqualTo("EXT-9");
        assertThat(read.getStatus()).isEqualTo(Status.PENDING);
        assertThat(read.getCreatedAt().toInstant()).isEqualTo(seeded.createdAt());
        assertThat(get(999_999L)).isNull();
    }

    @Test
    void updateTicketChangesFieldsAndARoundTrippedTicketIsAccepted() {
        Ticket created = create(newTicket("Update me", "PROJ-2"));
        Ticket read = get(created.getId());
        read.setStatus(Status.OPEN);
        read.setPriority(Priority.URGENT);
        read.setAssigneeId(emulator().agent().id());
        read.setComment(null);

        Ticket updated = ENV.template().requestBodyAndHeader(uri("updateTicket"), null, "CamelZendesk.ticket", read,
                Ticket.class);

        assertThat(updated.getStatus()).isEqualTo(Status.OPEN);
        assertThat(updated.getPriority()).isEqualTo(Priority.URGENT);
        assertThat(updated.getAssigneeId()).isEqualTo(emulator().agent().id());
        assertThat(emulator().ticket(created.getId()).orElseThrow().status()).isEqualTo(ZendeskStatus.OPEN);
        assertThat(emulator().comments(created.getId())).hasSize(1);
    }

    @Test
    void publicAndPrivateCommentsAreListedInOrderWithTheirVisibility() {
        Ticket created = create(newTicket("Comments", "PROJ-3"));
        Comment note = new Comment("Internal note");
        note.setPublic(false);
        ENV.template().requestBodyAndHeaders(uri("createComment"), null,
                Map.of("CamelZendesk.ticketId", created.getId(), "CamelZendesk.comment", note));
        ENV.template().requestBodyAndHeaders(uri("createComment"), null,
                Map.of("CamelZendesk.ticketId", created.getId(), "CamelZendesk.comment", new Comment("Reply")));

        Iterable<?> comments = ENV.template().requestBodyAndHeader(uri("getTicketComments"), null, "CamelZendesk.id",
                created.getId(), Iterable.class);
        List<Comment> list = StreamSupport.stream(comments.spliterator(), false).map(Comment.class::cast).toList();

        assertThat(list).extracting(Comment::getBody).containsExactly("The printer is on fire", "Internal note", "Reply");
        assertThat(list).extracting(Comment::isPublic).containsExactly(true, false, true);
        assertThat(list).allSatisfy(c -> {
            assertThat(c.getAuthorId()).isEqualTo(emulator().agent().id());
            assertThat(c.getCreatedAt()).isNotNull();
            assertThat(c.getHtmlBody()).contains(c.getBody());
        });
    }

    @Test
    void ticketsAreFoundByExternalIdSearchAndIncrementalExport() {
        Instant before = Instant.now().minusSeconds(5);
        Ticket first = create(newTicket("One", "JIRA-100"));
        create(newTicket("Two", "JIRA-200"));

        Iterable<?> byExternalId = ENV.template().requestBodyAndHeader(uri("getTicketsByExternalId"), null,
                "CamelZendesk.externalId", "JIRA-100", Iterable.class);
        assertThat(byExternalId).extracting(t -> ((Ticket) t).getId()).containsExactly(first.getId());

        Iterable<?> searched = ENV.template().requestBodyAndHeader(uri("getTicketsFromSearch"), null,
                "CamelZendesk.searchTerm", "external_id:JIRA-200", Iterable.class);
        assertThat(searched).extracting(t -> ((Ticket) t).getSubject()).containsExactly("Two");

        Iterable<?> incremental = ENV.template().requestBodyAndHeader(uri("getTicketsIncrementally"), null,
                "CamelZendesk.startTime", Date.from(before), Iterable.class);
        assertThat(incremental).extracting(t -> ((Ticket) t).getSubject()).containsExactly("One", "Two");
    }

    @Test
    void usersAreReadableAndLookupByEmailWorks() {
        User me = ENV.template().requestBody(uri("getCurrentUser"), null, User.class);
        assertThat(me.getEmail()).isEqualTo(ZendeskEmulator.AGENT_EMAIL);
        assertThat(me.getRole().toString()).isEqualTo("admin");

        Iterable<?> found = ENV.template().requestBodyAndHeader(uri("lookupUserByEmail"), null, "CamelZendesk.email",
                ZendeskEmulator.CUSTOMER_EMAIL, Iterable.class);
        assertThat(found).extracting(u -> ((User) u).getId()).containsExactly(emulator().customer().id());
    }

    @Test
    void passwordAndOAuthTokenAuthenticateAndAWrongTokenIs401() {
        User byPassword = ENV.template().requestBody(uri("getCurrentUser", "username=" + ZendeskEmulator.AGENT_EMAIL
                + "&password=RAW(" + ZendeskEmulator.AGENT_PASSWORD + ")"), null, User.class);
        User byOAuth = ENV.template().requestBody(uri("getCurrentUser", "oauthToken=RAW("
                + ZendeskEmulator.AGENT_OAUTH_TOKEN + ")"), null, User.class);
        assertThat(byPassword.getId()).isEqualTo(emulator().agent().id());
        assertThat(byOAuth.getId()).isEqualTo(emulator().agent().id());

        assertThatThrownBy(() -> ENV.template().requestBody(uri("getCurrentUser", "username="
                + ZendeskEmulator.AGENT_EMAIL + "&token=wrong"), null, User.class))
                .isInstanceOf(CamelExecutionException.class)
                .rootCause().isInstanceOf(ZendeskResponseException.class)
                .satisfies(e -> assertThat(((ZendeskResponseException) e).getStatusCode()).isEqualTo(401));
    }

    @Test
    void invalidUpdateIs422AndDeletedTicketIsGone() {
        Ticket created = create(newTicket("Invalid", "PROJ-4"));
        Ticket change = new Ticket();
        change.setId(created.getId());
        change.setAssigneeId(emulator().customer().id());

        assertThatThrownBy(() -> ENV.template().requestBodyAndHeader(uri("updateTicket"), null, "CamelZendesk.ticket",
                change, Ticket.class))
                .rootCause().isInstanceOf(ZendeskResponseException.class)
                .satisfies(e -> {
                    ZendeskResponseException z = (ZendeskResponseException) e;
                    assertThat(z.getStatusCode()).isEqualTo(422);
                    assertThat(z.getBody()).contains("RecordInvalid").contains("assignee_id");
                });

        ENV.template().requestBodyAndHeader(uri("deleteTicket"), null, "CamelZendesk.id", created.getId());
        assertThat(get(created.getId())).isNull();
        assertThat(emulator().tickets()).isEmpty();
    }

    private static List<Comment> comments(long ticketId) {
        Iterable<?> comments = ENV.template().requestBodyAndHeader(uri("getTicketComments"), null, "CamelZendesk.id",
                ticketId, Iterable.class);
        return StreamSupport.stream(comments.spliterator(), false).map(Comment.class::cast).toList();
    }

    /**
     * {@code createUpload(fileName, contentType, content)}. The endpoint's {@code token} option (the API token) has
     * the name of the upload-token parameter of {@code createUpload(token, fileName, contentType, content)}, so Camel
     * picks that overload and would send the API token as the upload token; a null {@code CamelZendesk.token} header
     * makes the client start a new upload instead.
     */
    private static Attachment.Upload createUpload(String fileName, String contentType, byte[] content) {
        Map<String, Object> headers = new java.util.HashMap<>();
        headers.put("CamelZendesk.fileName", fileName);
        headers.put("CamelZendesk.contentType", contentType);
        headers.put("CamelZendesk.content", content);
        headers.put("CamelZendesk.token", null);
        return ENV.template().requestBodyAndHeaders(uri("createUpload"), null, headers, Attachment.Upload.class);
    }

    @Test
    void uploadsBecomeCommentAttachmentsTheClientListsAndDownloads() throws Exception {
        Ticket created = create(newTicket("Attachments", "PROJ-5"));
        byte[] log = "stack trace\nline 2".getBytes(StandardCharsets.UTF_8);

        Attachment.Upload upload = createUpload("trace.log", "text/plain", log);
        assertThat(upload.getToken()).isNotBlank();
        assertThat(upload.getAttachments()).singleElement().satisfies(a -> {
            assertThat(a.getFileName()).isEqualTo("trace.log");
            assertThat(a.getSize()).isEqualTo(log.length);
        });
        Comment note = new Comment("Log attached", upload.getToken());
        note.setPublic(false);
        ENV.template().requestBodyAndHeaders(uri("createComment"), null,
                Map.of("CamelZendesk.ticketId", created.getId(), "CamelZendesk.comment", note));

        List<Comment> comments = comments(created.getId());
        assertThat(comments.get(0).getAttachments()).isEmpty();
        Comment withFile = comments.get(1);
        assertThat(withFile.isPublic()).isFalse();
        Attachment attachment = withFile.getAttachments().get(0);
        assertThat(withFile.getAttachments()).hasSize(1);
        assertThat(attachment.getFileName()).isEqualTo("trace.log");
        assertThat(attachment.getContentType()).isEqualTo("text/plain");
        assertThat(attachment.getSize()).isEqualTo(log.length);
        assertThat(attachment.getContentUrl()).startsWith(ENV.server().baseUrl() + "/attachments/token/");

        Attachment shown = ENV.template().requestBodyAndHeader(uri("getAttachment"), null, "CamelZendesk.id",
                attachment.getId(), Attachment.class);
        assertThat(shown.getContentUrl()).isEqualTo(attachment.getContentUrl());
        HttpResponse<byte[]> content = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(attachment.getContentUrl())).header("Authorization",
                        dev.cameljira.sandbox.emulator.TestHttp.basic(ZendeskEmulator.AGENT_EMAIL + "/token",
                                ZendeskEmulator.AGENT_API_TOKEN)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(content.body()).isEqualTo(log);
        assertThat(emulator().attachments(created.getId())).extracting(ZendeskAttachment::id)
                .containsExactly(attachment.getId());
    }

    @Test
    void updateTicketWithOnlyTheStatusSetLeavesEveryOtherFieldAlone() {
        Ticket created = create(newTicket("Keep me", "PROJ-6"));
        Ticket assigned = new Ticket();
        assigned.setId(created.getId());
        assigned.setAssigneeId(emulator().agent().id());
        ENV.template().requestBodyAndHeader(uri("updateTicket"), null, "CamelZendesk.ticket", assigned, Ticket.class);

        Ticket statusOnly = new Ticket();
        statusOnly.setId(created.getId());
        statusOnly.setStatus(Status.PENDING);
        Ticket updated = ENV.template().requestBodyAndHeader(uri("updateTicket"), null, "CamelZendesk.ticket",
                statusOnly, Ticket.class);

        assertThat(updated.getStatus()).isEqualTo(Status.PENDING);
        ZendeskTicket stored = emulator().ticket(created.getId()).orElseThrow();
        assertThat(stored.status()).isEqualTo(ZendeskStatus.PENDING);
        assertThat(stored.subject()).isEqualTo("Keep me");
        assertThat(stored.priority()).isEqualTo(ZendeskPriority.HIGH);
        assertThat(stored.assigneeId()).isEqualTo(emulator().agent().id());
        assertThat(stored.externalId()).isEqualTo("PROJ-6");
        assertThat(stored.tags()).containsExactly("jira", "sync");
        assertThat(stored.customField(360001L)).isPresent();
        assertThat(emulator().comments(created.getId())).hasSize(1);
    }

    @Test
    void updateTicketSetsTheExternalIdThatTheSyncLooksTicketsUpBy() {
        Ticket created = create(newTicket("Link me", null));
        Ticket link = new Ticket();
        link.setId(created.getId());
        link.setExternalId("JIRA-4711");

        ENV.template().requestBodyAndHeader(uri("updateTicket"), null, "CamelZendesk.ticket", link, Ticket.class);

        Iterable<?> found = ENV.template().requestBodyAndHeader(uri("getTicketsByExternalId"), null,
                "CamelZendesk.externalId", "JIRA-4711", Iterable.class);
        assertThat(found).extracting(t -> ((Ticket) t).getId()).containsExactly(created.getId());
        assertThat(emulator().ticket(created.getId()).orElseThrow().subject()).isEqualTo("Link me");
    }

    @Test
    void createUploadOnAnApiTokenEndpointSendsTheApiTokenAsUploadTokenUnlessTheHeaderIsNull() {
        Map<String, Object> headers = Map.of("CamelZendesk.fileName", "a.txt", "CamelZendesk.contentType",
                "text/plain", "CamelZendesk.content", new byte[] {1});

        assertThatThrownBy(() -> ENV.template().requestBodyAndHeaders(uri("createUpload"), null, headers,
                Attachment.Upload.class)).rootCause().isInstanceOfSatisfying(ZendeskResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(422);
                    assertThat(e.getBody()).contains("\"token\"").doesNotContain(ZendeskEmulator.AGENT_API_TOKEN);
                });
        assertThat(createUpload("a.txt", "text/plain", new byte[] {1}).getToken()).isNotBlank();
    }
}
