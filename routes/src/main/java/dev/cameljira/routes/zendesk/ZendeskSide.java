package dev.cameljira.routes.zendesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.cameljira.routes.SyncSettings;
import dev.cameljira.routes.SyncSystem;
import dev.cameljira.routes.engine.AttachmentInfo;
import dev.cameljira.routes.engine.Failures;
import dev.cameljira.routes.engine.OtherChange;
import dev.cameljira.routes.engine.OtherComment;
import dev.cameljira.routes.engine.OtherRecord;
import dev.cameljira.routes.engine.OtherSide;
import dev.cameljira.routes.engine.Person;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.zendesk.client.v2.model.Attachment;
import org.zendesk.client.v2.model.Comment;
import org.zendesk.client.v2.model.Priority;
import org.zendesk.client.v2.model.Role;
import org.zendesk.client.v2.model.Status;
import org.zendesk.client.v2.model.Ticket;
import org.zendesk.client.v2.model.User;

/**
 * Zendesk through Apache's camel-zendesk ({@code zendesk:DEFAULT/<method>} with {@code CamelZendesk.<argument>}
 * headers), whose connection comes from the component's own configuration ({@code camel.component.zendesk.*}).
 */
public final class ZendeskSide implements OtherSide {
    private static final Duration USER_TTL = Duration.ofMinutes(10);

    private final ProducerTemplate producer;
    private final String component;
    private final SyncSettings settings;
    private final String agentBaseUrl;
    private final Clock clock;
    private final AttachmentDownloader downloader;
    private final Map<String, Cached> users = new ConcurrentHashMap<>();

    private record Cached(Optional<User> user, Instant until) {
    }

    /** Reads a Zendesk attachment's content URL (Zendesk's client has no call for it). */
    @FunctionalInterface
    public interface AttachmentDownloader {
        byte[] download(String contentUrl);
    }

    /**
     * @param agentBaseUrl the account's base URL (https://acme.zendesk.com), for agent links
     */
    public ZendeskSide(ProducerTemplate producer, SyncSettings settings, String agentBaseUrl, Clock clock,
                       AttachmentDownloader downloader) {
        this.producer = producer;
        this.component = settings.otherComponent();
        this.settings = settings;
        this.agentBaseUrl = agentBaseUrl.replaceAll("/+$", "");
        this.clock = clock;
        this.downloader = downloader;
    }

    @Override
    public SyncSystem system() {
        return SyncSystem.ZENDESK;
    }

    private Object call(String method, Map<String, Object> args) {
        Map<String, Object> headers = new HashMap<>();
        args.forEach((k, v) -> headers.put("CamelZendesk." + k, v));
        if (method.equals("createUpload")) {
            // camel-zendesk would pass the connection's API token as the upload token (createUpload(token, ...)):
            // an explicit null picks the upload signature without one and keeps the secret out of the URL
            headers.put("CamelZendesk.token", null);
        }
        Exchange result = producer.request(component + ":DEFAULT/" + method, e -> e.getIn().setHeaders(headers));
        if (result.getException() != null) {
            Throwable t = Failures.unwrap(result.getException());
            throw t instanceof RuntimeException r ? r : new org.apache.camel.RuntimeCamelException(t);
        }
        return result.getMessage().getBody();
    }

    @Override
    public Optional<OtherRecord> read(String id) {
        long ticketId;
        try {
            ticketId = Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Ticket t;
        try {
            t = (Ticket) call("getTicket", Map.of("id", ticketId));
        } catch (RuntimeException e) {
            if (Failures.isNotFound(e)) {
                return Optional.empty();
            }
            throw e;
        }
        if (t == null || t.getStatus() == Status.DELETED) {
            return Optional.empty();
        }
        return Optional.of(toRecord(t));
    }

    /** The record of a ticket as read (from getTicket, an export or a webhook). */
    public OtherRecord toRecord(Ticket t) {
        String id = String.valueOf(t.getId());
        String status = t.getStatus() == null ? null : t.getStatus().toString().toLowerCase(Locale.ROOT);
        String priority = t.getPriority() == null ? null : t.getPriority().toString().toLowerCase(Locale.ROOT);
        String type = t.getType() == null ? null : t.getType().toString().toLowerCase(Locale.ROOT);
        Person assignee = t.getAssigneeId() == null ? null : person(t.getAssigneeId());
        Person requester = t.getRequesterId() == null ? null : person(t.getRequesterId());
        ZendeskSelector.Facts facts = new ZendeskSelector.Facts(t.getTags() == null ? java.util.Set.of()
                : new HashSet<>(t.getTags()), status, priority, type, t.getBrandId(), t.getGroupId(),
                t.getVia() == null ? null : t.getVia().getChannel());
        return new OtherRecord(id, id, agentBaseUrl + "/agent/tickets/" + id, t.getSubject(), t.getDescription(),
                status, priority, type, assignee, requester, t.getTags(), blankToNull(t.getExternalId()),
                instant(t.getCreatedAt()), instant(t.getUpdatedAt()), t.getStatus() == Status.CLOSED, facts);
    }

    @Override
    public List<OtherComment> comments(OtherRecord record) {
        Iterable<?> all = (Iterable<?>) call("getTicketComments", Map.of("id", Long.parseLong(record.id())));
        List<OtherComment> out = new ArrayList<>();
        boolean first = true;
        if (all != null) {
            for (Object o : all) {
                Comment c = (Comment) o;
                if (first) {
                    // the first comment is the ticket's description, which the issue got when it was created
                    first = false;
                    continue;
                }
                Person author = c.getAuthorId() == null ? null : person(c.getAuthorId());
                out.add(new OtherComment(String.valueOf(c.getId()), author == null ? "Zendesk user" : author.label(),
                        c.getBody(), c.isPublic() == null || c.isPublic(), instant(c.getCreatedAt())));
            }
        }
        return out;
    }

    @Override
    public OtherRecord update(OtherRecord record, OtherChange change) {
        Ticket t = new Ticket();
        t.setId(Long.parseLong(record.id()));
        if (change.summary() != null) {
            t.setSubject(change.summary());
        }
        if (change.status() != null) {
            t.setStatus(Status.valueOf(change.status().toUpperCase(Locale.ROOT)));
        }
        if (change.priority() != null) {
            t.setPriority(Priority.valueOf(change.priority().toUpperCase(Locale.ROOT)));
        }
        if (change.assigneeChanged()) {
            // the client leaves null fields out of the JSON: unassigning needs an explicit value, which the API has not
            // got for "nobody" except through a group; leave the assignee when asked to clear it
            if (change.assignee() != null) {
                t.setAssigneeId(Long.parseLong(change.assignee().id()));
            }
        }
        Ticket after = (Ticket) call("updateTicket", Map.of("ticket", t));
        return after == null ? record : toRecord(after);
    }

    @Override
    public String addComment(OtherRecord record, String text, boolean isPublic) {
        Comment c = new Comment(text);
        c.setPublic(isPublic);
        call("createComment", Map.of("ticketId", Long.parseLong(record.id()), "comment", c));
        return null;
    }

    @Override
    public OtherRecord link(OtherRecord record, String jiraKey) {
        Ticket t = new Ticket();
        t.setId(Long.parseLong(record.id()));
        t.setExternalId(jiraKey);
        Ticket after = (Ticket) call("updateTicket", Map.of("ticket", t));
        return after == null ? record : toRecord(after);
    }

    @Override
    public Optional<Person> findAgent(String email) {
        return user(email).filter(u -> u.getRole() == Role.AGENT || u.getRole() == Role.ADMIN)
                .map(u -> new Person(String.valueOf(u.getId()), u.getEmail(), u.getName()));
    }

    @Override
    public boolean qualifies(OtherRecord record) {
        return settings.zendeskSelector().matches((ZendeskSelector.Facts) record.facts());
    }

    @Override
    public List<AttachmentInfo> attachments(OtherRecord record) {
        Iterable<?> all = (Iterable<?>) call("getTicketComments", Map.of("id", Long.parseLong(record.id())));
        List<AttachmentInfo> out = new ArrayList<>();
        if (all != null) {
            for (Object o : all) {
                Comment c = (Comment) o;
                if (c.getAttachments() == null) {
                    continue;
                }
                for (Attachment a : c.getAttachments()) {
                    out.add(new AttachmentInfo(String.valueOf(a.getId()), a.getFileName(), a.getContentType(),
                            a.getSize() == null ? 0 : a.getSize(), a.getContentUrl()));
                }
            }
        }
        return out;
    }

    @Override
    public byte[] download(OtherRecord record, AttachmentInfo attachment) {
        return downloader.download(attachment.location());
    }

    @Override
    public void upload(OtherRecord record, String fileName, String contentType, byte[] content) {
        Attachment.Upload upload = (Attachment.Upload) call("createUpload", Map.of("fileName", fileName,
                "contentType", contentType == null ? "application/octet-stream" : contentType, "content", content));
        Comment c = new Comment("Attachment from Jira: " + fileName);
        c.setPublic(false);
        c.setUploads(List.of(upload.getToken()));
        call("createComment", Map.of("ticketId", Long.parseLong(record.id()), "comment", c));
    }

    private Person person(long userId) {
        Optional<User> u = user(userId);
        return u.map(x -> new Person(String.valueOf(x.getId()), x.getEmail(), x.getName()))
                .orElse(new Person(String.valueOf(userId), null, null));
    }

    private Optional<User> user(long userId) {
        String k = "id:" + userId;
        Cached c = users.get(k);
        Instant now = clock.instant();
        if (c != null && c.until().isAfter(now)) {
            return c.user();
        }
        Optional<User> found;
        try {
            found = Optional.ofNullable((User) call("getUser", Map.of("id", userId)));
        } catch (RuntimeException e) {
            if (!Failures.isNotFound(e)) {
                throw e;
            }
            found = Optional.empty();
        }
        users.put(k, new Cached(found, now.plus(USER_TTL)));
        return found;
    }

    private Optional<User> user(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        String k = "email:" + email.trim().toLowerCase(Locale.ROOT);
        Cached c = users.get(k);
        Instant now = clock.instant();
        if (c != null && c.until().isAfter(now)) {
            return c.user();
        }
        Iterable<?> found = (Iterable<?>) call("lookupUserByEmail", Map.of("email", email.trim()));
        Optional<User> match = Optional.empty();
        if (found != null) {
            for (Object o : found) {
                User u = (User) o;
                if (u.getEmail() != null && u.getEmail().equalsIgnoreCase(email.trim())) {
                    match = Optional.of(u);
                    break;
                }
            }
        }
        users.put(k, new Cached(match, now.plus(USER_TTL)));
        return match;
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
