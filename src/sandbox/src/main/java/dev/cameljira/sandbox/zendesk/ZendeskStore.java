package dev.cameljira.sandbox.zendesk;

import java.net.URLConnection;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The emulated Zendesk account: users, their credentials, tickets and comments, with Zendesk's ticket rules.
 * Every method is synchronized: one lock guards the whole account.
 */
final class ZendeskStore {
    private static final long FIRST_USER_ID = 1001;
    private static final long FIRST_TICKET_ID = 1;
    private static final long FIRST_COMMENT_ID = 5001;
    private static final long FIRST_AUDIT_ID = 9001;
    private static final long FIRST_ATTACHMENT_ID = 7001;
    private static final long FIRST_IDENTITY_ID = 3001;
    private static final char[] TOKEN_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final int TOKEN_LENGTH = 25;
    private static final Set<String> GENERIC_TYPES = Set.of("application/binary", "application/octet-stream");

    private final Clock clock;
    private final Map<Long, ZendeskUser> users = new LinkedHashMap<>();
    private final Map<Long, List<ZendeskIdentity>> identities = new HashMap<>();
    private final Map<Long, Long> userSequence = new HashMap<>();
    private final Map<Long, List<TicketMutation>> audits = new HashMap<>();
    private final Map<Long, ZendeskTicket> tickets = new TreeMap<>();
    private final Map<Long, List<ZendeskComment>> comments = new HashMap<>();
    private final Map<Long, Set<String>> apiTokens = new HashMap<>();
    private final Map<Long, String> passwords = new HashMap<>();
    private final Map<String, Long> oauthTokens = new HashMap<>();
    private final Map<Long, Long> changeSequence = new HashMap<>();
    private final Map<Long, ZendeskAttachment> attachments = new LinkedHashMap<>();
    private final Map<Long, byte[]> contents = new HashMap<>();
    private final Map<String, PendingUpload> uploads = new HashMap<>();
    private final SecureRandom random = new SecureRandom();
    private long nextUserId;
    private long accountOwnerId;
    private long nextTicketId;
    private long nextCommentId;
    private long nextAuditId;
    private long nextAttachmentId;
    private long nextIdentityId;
    private long nextSequence;

    /** An upload token and its files; {@code used} once a comment took them. */
    private static final class PendingUpload {
        final String token;
        final Instant expiresAt;
        final List<Long> attachmentIds = new ArrayList<>();
        boolean used;

        PendingUpload(String token, Instant expiresAt) {
            this.token = token;
            this.expiresAt = expiresAt;
        }
    }

    ZendeskStore(Clock clock) {
        this.clock = clock;
        clear();
    }

    synchronized void clear() {
        users.clear();
        identities.clear();
        userSequence.clear();
        audits.clear();
        tickets.clear();
        comments.clear();
        apiTokens.clear();
        passwords.clear();
        oauthTokens.clear();
        changeSequence.clear();
        attachments.clear();
        contents.clear();
        uploads.clear();
        nextAttachmentId = FIRST_ATTACHMENT_ID;
        nextIdentityId = FIRST_IDENTITY_ID;
        nextSequence = 1;
        nextUserId = FIRST_USER_ID;
        accountOwnerId = 0;
        nextTicketId = FIRST_TICKET_ID;
        nextCommentId = FIRST_COMMENT_ID;
        nextAuditId = FIRST_AUDIT_ID;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    // ---------------------------------------------------------------- users and credentials

    synchronized ZendeskUser createUser(String name, String email, ZendeskRole role, String externalId) {
        return createUser(UserChange.of(name, email, role, externalId));
    }

    /**
     * Creates a user (role end-user unless given) with its e-mail as primary identity. 422 for a blank name, an
     * e-mail or external id another active user has, and nothing is created.
     */
    synchronized ZendeskUser createUser(UserChange c) {
        if (c.name() == null || c.name().isBlank()) {
            throw ApiException.invalid("name", "BlankValue", "Name: cannot be blank");
        }
        if (c.email() != null) {
            requireUnusedEmail(c.email(), null);
        }
        if (c.externalId() != null) {
            requireUnusedExternalId(c.externalId(), null);
        }
        Instant now = now();
        long id = nextUserId++;
        ZendeskUser user = new ZendeskUser(id, c.name(), c.email(), c.role() == null ? ZendeskRole.END_USER : c.role(),
                c.externalId(), now, now, c.phone(), normaliseTags(c.tags() == null ? List.of() : c.tags()),
                c.userFields(), c.alias(), c.details(), c.notes(), c.signature(), true,
                Boolean.TRUE.equals(c.suspended()));
        users.put(id, user);
        userSequence.put(id, nextSequence++);
        if (c.email() != null) {
            identities.computeIfAbsent(id, k -> new ArrayList<>()).add(new ZendeskIdentity(nextIdentityId++, id,
                    "email", c.email(), true, true, now, now));
        }
        return user;
    }

    /**
     * Applies a change to an active user: only the attributes sent change; an e-mail the user does not have yet is
     * added as a secondary identity (the primary one when the user has no e-mail). Everything is checked before
     * anything changes (422 naming the attribute); an update that changes nothing leaves {@code updated_at} alone.
     */
    synchronized ZendeskUser updateUser(long id, UserChange c) {
        ZendeskUser current = activeUser(id).orElseThrow(ApiException::notFound);
        if (c.name() != null && c.name().isBlank()) {
            throw ApiException.invalid("name", "BlankValue", "Name: cannot be blank");
        }
        boolean newEmail = c.email() != null && identities.getOrDefault(id, List.of()).stream()
                .noneMatch(i -> i.type().equals("email") && i.value().equalsIgnoreCase(c.email()));
        if (newEmail) {
            requireUnusedEmail(c.email(), id);
        }
        Set<String> cleared = c.cleared();
        String externalId = pick(cleared, "external_id", c.externalId(), current.externalId());
        if (c.externalId() != null) {
            requireUnusedExternalId(c.externalId(), id);
        }
        Map<String, com.fasterxml.jackson.databind.JsonNode> fields = new LinkedHashMap<>(current.userFields());
        fields.putAll(c.userFields());
        String email = current.email() == null && newEmail ? c.email() : current.email();
        ZendeskUser candidate = new ZendeskUser(id, c.name() != null ? c.name() : current.name(), email,
                c.role() != null ? c.role() : current.role(), externalId, current.createdAt(), current.updatedAt(),
                pick(cleared, "phone", c.phone(), current.phone()),
                c.tags() != null ? normaliseTags(c.tags()) : current.tags(), fields,
                pick(cleared, "alias", c.alias(), current.alias()),
                pick(cleared, "details", c.details(), current.details()),
                pick(cleared, "notes", c.notes(), current.notes()),
                pick(cleared, "signature", c.signature(), current.signature()), true,
                c.suspended() != null ? c.suspended() : current.suspended());
        if (candidate.equals(current) && !newEmail) {
            return current;
        }
        Instant now = now();
        ZendeskUser updated = new ZendeskUser(id, candidate.name(), candidate.email(), candidate.role(),
                candidate.externalId(), candidate.createdAt(), now, candidate.phone(), candidate.tags(),
                candidate.userFields(), candidate.alias(), candidate.details(), candidate.notes(),
                candidate.signature(), true, candidate.suspended());
        users.put(id, updated);
        userSequence.put(id, nextSequence++);
        if (newEmail) {
            identities.computeIfAbsent(id, k -> new ArrayList<>()).add(new ZendeskIdentity(nextIdentityId++, id,
                    "email", c.email(), current.email() == null, true, now, now));
        }
        return updated;
    }

    /**
     * Soft-deletes a user as Zendesk does: {@code active} false, the e-mail and phone gone (its identities are
     * removed, so the address can be used again) and no sign-in; the user still shows by id.
     */
    synchronized ZendeskUser deleteUser(long id) {
        ZendeskUser current = activeUser(id).orElseThrow(ApiException::notFound);
        Instant now = now();
        ZendeskUser deleted = new ZendeskUser(id, current.name(), null, current.role(), current.externalId(),
                current.createdAt(), now, null, current.tags(), current.userFields(), current.alias(),
                current.details(), current.notes(), current.signature(), false, current.suspended());
        users.put(id, deleted);
        userSequence.put(id, nextSequence++);
        identities.remove(id);
        return deleted;
    }

    /** Marks the account owner (the seeded admin), whom nobody may delete, suspend or demote. */
    synchronized void accountOwner(long userId) {
        accountOwnerId = requireUser(userId).id();
    }

    synchronized boolean isAccountOwner(long userId) {
        return userId == accountOwnerId;
    }

    /** A user by id, deleted ones included. */
    synchronized Optional<ZendeskUser> user(long id) {
        return Optional.ofNullable(users.get(id));
    }

    /** A user that was not deleted. */
    synchronized Optional<ZendeskUser> activeUser(long id) {
        return user(id).filter(ZendeskUser::active);
    }

    /** The active user one of whose e-mail identities is {@code email} (case-insensitive). */
    synchronized Optional<ZendeskUser> userByEmail(String email) {
        return identities.values().stream().flatMap(List::stream)
                .filter(i -> i.type().equals("email") && i.value().equalsIgnoreCase(email))
                .map(i -> users.get(i.userId())).filter(ZendeskUser::active).findFirst();
    }

    /** The active user with this external id (case-insensitive, as Zendesk compares them). */
    synchronized Optional<ZendeskUser> userByExternalId(String externalId) {
        return users.values().stream().filter(ZendeskUser::active)
                .filter(u -> u.externalId() != null && u.externalId().equalsIgnoreCase(externalId)).findFirst();
    }

    /** Every user, deleted ones included, by ascending id. */
    synchronized List<ZendeskUser> users() {
        return List.copyOf(users.values());
    }

    /** The users that were not deleted, by ascending id (what lists and searches show). */
    synchronized List<ZendeskUser> activeUsers() {
        return users.values().stream().filter(ZendeskUser::active).toList();
    }

    /** A user's identities, oldest first (none once deleted). */
    synchronized List<ZendeskIdentity> identities(long userId) {
        return List.copyOf(identities.getOrDefault(userId, List.of()));
    }

    /** A user with the sequence number of its last change (strictly increasing across the account). */
    record ChangedUser(ZendeskUser user, long sequence) {
    }

    /** Every user including deleted ones, ordered by their last change. */
    synchronized List<ChangedUser> usersByChange() {
        return users.values().stream().map(u -> new ChangedUser(u, userSequence.get(u.id())))
                .sorted(java.util.Comparator.comparingLong(ChangedUser::sequence)).toList();
    }

    private void requireUnusedEmail(String email, Long owner) {
        userByEmail(email).filter(u -> owner == null || u.id() != owner).ifPresent(u -> {
            throw ApiException.invalid("email", "DuplicateValue",
                    "Email: " + email + " is already being used by another user");
        });
    }

    private void requireUnusedExternalId(String externalId, Long owner) {
        userByExternalId(externalId).filter(u -> owner == null || u.id() != owner).ifPresent(u -> {
            throw ApiException.invalid("external_id", "DuplicateValue",
                    "External ID: " + externalId + " is already being used by another user");
        });
    }

    synchronized void addApiToken(long userId, String token) {
        requireUser(userId);
        apiTokens.computeIfAbsent(userId, k -> new HashSet<>()).add(token);
    }

    synchronized void setPassword(long userId, String password) {
        requireUser(userId);
        passwords.put(userId, password);
    }

    synchronized void addOAuthToken(long userId, String token) {
        requireUser(userId);
        oauthTokens.put(token, userId);
    }

    /** The user that an e-mail + API token pair authenticates. */
    synchronized Optional<ZendeskUser> byApiToken(String email, String token) {
        return userByEmail(email).filter(u -> apiTokens.getOrDefault(u.id(), Set.of()).contains(token));
    }

    /** The user that an e-mail + password pair authenticates. */
    synchronized Optional<ZendeskUser> byPassword(String email, String password) {
        return userByEmail(email).filter(u -> password.equals(passwords.get(u.id())));
    }

    /** The user that an OAuth access token authenticates. */
    synchronized Optional<ZendeskUser> byOAuthToken(String token) {
        return Optional.ofNullable(oauthTokens.get(token)).map(users::get);
    }

    private ZendeskUser requireUser(long userId) {
        ZendeskUser user = users.get(userId);
        if (user == null) {
            throw new IllegalArgumentException("No Zendesk user with id " + userId);
        }
        return user;
    }

    // ---------------------------------------------------------------- tickets

    /** Live tickets (soft-deleted ones excluded), by ascending id. */
    synchronized List<ZendeskTicket> tickets() {
        return tickets.values().stream().filter(t -> t.status() != ZendeskStatus.DELETED).toList();
    }

    /** A ticket with the sequence number of its last change (strictly increasing across the account). */
    record Changed(ZendeskTicket ticket, long sequence) {
    }

    /** Every ticket including deleted ones, ordered by their last change. */
    synchronized List<Changed> ticketsByChange() {
        return tickets.values().stream().map(t -> new Changed(t, changeSequence.get(t.id())))
                .sorted(java.util.Comparator.comparingLong(Changed::sequence)).toList();
    }

    synchronized Optional<ZendeskTicket> ticket(long id) {
        return Optional.ofNullable(tickets.get(id)).filter(t -> t.status() != ZendeskStatus.DELETED);
    }

    synchronized List<ZendeskComment> comments(long ticketId) {
        return List.copyOf(comments.getOrDefault(ticketId, List.of()));
    }

    synchronized TicketMutation createTicket(TicketDraft draft, ZendeskUser actor) {
        if (draft.comment() == null || draft.comment().isBlank()) {
            throw ApiException.invalid("description", "BlankValue", "Description: cannot be blank");
        }
        long requesterId = resolveRequester(draft, actor);
        Long assigneeId = draft.assigneeId();
        if (assigneeId != null) {
            requireAssignable(assigneeId);
        }
        ZendeskStatus status = draft.status() == null ? ZendeskStatus.NEW : draft.status();
        if (status == ZendeskStatus.NEW && assigneeId != null) {
            status = ZendeskStatus.OPEN;
        }
        if (status == ZendeskStatus.SOLVED || status == ZendeskStatus.CLOSED) {
            assigneeId = assigneeForSolving(assigneeId, actor);
        }
        List<PendingUpload> files = usableUploads(draft.comment().uploads());
        Instant now = now();
        long ticketId = nextTicketId++;
        long auditId = nextAuditId++;
        ZendeskComment comment = newComment(ticketId, auditId, draft.comment(), files, actor, now);
        ZendeskTicket ticket = new ZendeskTicket(ticketId, draft.externalId(), draft.type(), draft.subject(),
                comment.body(), status, draft.priority(), requesterId, actor.id(), assigneeId, draft.groupId(),
                normaliseTags(draft.tags()), mergeFields(List.of(), draft.customFields()), comment.isPublic(),
                draft.dueAt(), now, now, now.getEpochSecond());
        tickets.put(ticketId, ticket);
        changeSequence.put(ticketId, nextSequence++);
        comments.computeIfAbsent(ticketId, k -> new ArrayList<>()).add(comment);
        return audited(new TicketMutation(null, ticket, comment, auditId, actor, now));
    }

    synchronized TicketMutation updateTicket(long id, TicketUpdate update, ZendeskUser actor) {
        ZendeskTicket current = ticket(id).orElseThrow(ApiException::notFound);
        if (current.status() == ZendeskStatus.CLOSED) {
            throw ApiException.invalid("status", "InvalidValue", "Status: closed prevents ticket update");
        }
        if (update.safeUpdate() && !current.updatedAt().equals(update.updatedStamp())) {
            throw new ApiException(409, "UpdateConflict", "Safe Update prevented the update due to outdated ticket "
                    + "data. Please fetch the latest ticket data and try again.");
        }
        Set<String> cleared = update.cleared();
        Long assigneeId = current.assigneeId();
        if (cleared.contains("assignee_id")) {
            assigneeId = null;
        } else if (update.assigneeId() != null) {
            assigneeId = requireAssignable(update.assigneeId()).id();
        }
        ZendeskStatus status = update.status() != null ? update.status() : current.status();
        if (status == ZendeskStatus.NEW && current.status() != ZendeskStatus.NEW) {
            throw ApiException.invalid("status", "InvalidValue", "Status: cannot be changed back to new");
        }
        if (status == ZendeskStatus.NEW && assigneeId != null) {
            status = ZendeskStatus.OPEN;
        }
        if (status == ZendeskStatus.SOLVED || status == ZendeskStatus.CLOSED) {
            assigneeId = assigneeForSolving(assigneeId, actor);
        }
        long requesterId = current.requesterId();
        if (update.requesterId() != null) {
            requesterId = activeUser(update.requesterId()).orElseThrow(() -> ApiException.invalid("requester_id",
                    "InvalidValue", "Requester: no user with id " + update.requesterId())).id();
        }
        List<String> tags = update.tags() != null ? normaliseTags(update.tags()) : current.tags();
        LinkedHashSet<String> tagSet = new LinkedHashSet<>(tags);
        tagSet.addAll(normaliseTags(update.additionalTags()));
        normaliseTags(update.removeTags()).forEach(tagSet::remove);

        NewComment input = update.comment();
        if (input != null && input.isBlank() && !input.uploads().isEmpty()) {
            throw ApiException.invalid("comment", "BlankValue", "Comment: body cannot be blank when it has uploads");
        }
        List<PendingUpload> files = input == null || input.isBlank() ? List.of() : usableUploads(input.uploads());
        Instant now = now();
        long auditId = nextAuditId;
        ZendeskComment comment = input == null || input.isBlank() ? null
                : newComment(id, auditId, input, files, actor, now);
        ZendeskTicket candidate = new ZendeskTicket(id,
                pick(cleared, "external_id", update.externalId(), current.externalId()),
                pick(cleared, "type", update.type(), current.type()),
                update.subject() != null ? update.subject() : current.subject(),
                current.description(), status,
                pick(cleared, "priority", update.priority(), current.priority()),
                requesterId, current.submitterId(), assigneeId,
                pick(cleared, "group_id", update.groupId(), current.groupId()),
                List.copyOf(tagSet), mergeFields(current.customFields(), update.customFields()), current.isPublic(),
                pick(cleared, "due_at", update.dueAt(), current.dueAt()),
                current.createdAt(), current.updatedAt(), current.generatedTimestamp());
        if (comment == null && TicketDiff.between(current, candidate).isEmpty()) {
            return new TicketMutation(current, current, null, 0, actor, now);
        }
        nextAuditId++;
        ZendeskTicket updated = withTimes(candidate, now, now.getEpochSecond());
        tickets.put(id, updated);
        changeSequence.put(id, nextSequence++);
        if (comment != null) {
            comments.computeIfAbsent(id, k -> new ArrayList<>()).add(comment);
        }
        return audited(new TicketMutation(current, updated, comment, auditId, actor, now));
    }

    /**
     * Keeps a write that made an audit: {@code GET tickets/{id}/audits} renders these same records, as the write's
     * own answer and its webhook events do, so the three cannot disagree.
     */
    private TicketMutation audited(TicketMutation m) {
        audits.computeIfAbsent(m.after().id(), k -> new ArrayList<>()).add(m);
        return m;
    }

    /** The audits of a ticket (each write that changed it or added a comment), oldest first. */
    synchronized List<TicketMutation> audits(long ticketId) {
        return List.copyOf(audits.getOrDefault(ticketId, List.of()));
    }

    /** Soft-deletes a ticket: it disappears from the API but the incremental exports report it as deleted. */
    synchronized TicketMutation deleteTicket(long id, ZendeskUser actor) {
        ZendeskTicket current = ticket(id).orElseThrow(ApiException::notFound);
        Instant now = now();
        ZendeskTicket deleted = new ZendeskTicket(id, current.externalId(), current.type(), current.subject(),
                current.description(), ZendeskStatus.DELETED, current.priority(), current.requesterId(),
                current.submitterId(), current.assigneeId(), current.groupId(), current.tags(),
                current.customFields(), current.isPublic(), current.dueAt(), current.createdAt(),
                current.updatedAt(), now.getEpochSecond());
        tickets.put(id, deleted);
        changeSequence.put(id, nextSequence++);
        return new TicketMutation(current, deleted, null, nextAuditId++, actor, now);
    }

    // ---------------------------------------------------------------- uploads and attachments

    /**
     * Adds a file to a new upload ({@code token} null) or to an existing, unused and unexpired one.
     *
     * @return the upload with all its files so far
     */
    synchronized ZendeskUpload upload(String token, String fileName, String contentType, byte[] content) {
        if (fileName == null || fileName.isBlank()) {
            throw ApiException.badRequest("filename is required");
        }
        if (content.length > ZendeskEmulator.MAX_UPLOAD_BYTES) {
            throw ApiException.tooLarge("The file is " + content.length + " bytes; uploads are limited to "
                    + ZendeskEmulator.MAX_UPLOAD_BYTES + " bytes (50 MB)");
        }
        PendingUpload upload;
        if (token != null) {
            upload = usableUpload(token).orElseThrow(() -> ApiException.invalid("token", "InvalidValue",
                    "Token: is not a valid upload token (unknown, used or expired)"));
        } else {
            upload = new PendingUpload(newToken(), clock.instant().plus(ZendeskEmulator.UPLOAD_TOKEN_LIFETIME));
            uploads.put(upload.token, upload);
        }
        ZendeskAttachment attachment = new ZendeskAttachment(nextAttachmentId++, fileName,
                mediaType(contentType, fileName), content.length, newToken(), upload.token, null, null, false, now());
        attachments.put(attachment.id(), attachment);
        contents.put(attachment.id(), content.clone());
        upload.attachmentIds.add(attachment.id());
        return toUpload(upload);
    }

    /** Deletes an unused upload and its files; 404 when the token is unknown, used or expired. */
    synchronized void deleteUpload(String token) {
        PendingUpload upload = usableUpload(token).orElseThrow(ApiException::notFound);
        uploads.remove(token);
        upload.attachmentIds.forEach(id -> {
            attachments.remove(id);
            contents.remove(id);
        });
    }

    /** An attachment, unless it was never attached and its upload expired (Zendesk deletes those). */
    synchronized Optional<ZendeskAttachment> attachment(long id) {
        return Optional.ofNullable(attachments.get(id)).filter(this::alive);
    }

    /** The attachment a content URL token names. */
    synchronized Optional<ZendeskAttachment> attachmentByContentToken(String contentToken) {
        return attachments.values().stream().filter(a -> a.contentToken().equals(contentToken)).filter(this::alive)
                .findFirst();
    }

    /** A copy of an attachment's bytes. */
    synchronized Optional<byte[]> content(long attachmentId) {
        return attachment(attachmentId).map(a -> contents.get(a.id()).clone());
    }

    /** The files attached to a ticket's comments, in comment order. */
    synchronized List<ZendeskAttachment> ticketAttachments(long ticketId) {
        return comments.getOrDefault(ticketId, List.of()).stream().flatMap(c -> c.attachments().stream()).toList();
    }

    /**
     * The file's MIME type: the declared one without parameters ({@code text/plain; charset=UTF-8} ->
     * {@code text/plain}); a generic one ({@code application/binary}, as curl examples and node-zendesk's stream
     * uploads send, {@code application/octet-stream}, or none) gives way to the type the file name's extension names,
     * as Zendesk's own example shows ({@code crash.log} sent as {@code application/binary} is {@code text/plain}).
     */
    static String mediaType(String contentType, String fileName) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !GENERIC_TYPES.contains(type)) {
            return type;
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        String guessed = lower.endsWith(".log") ? "text/plain"
                : URLConnection.getFileNameMap().getContentTypeFor(lower);
        if (guessed != null && !GENERIC_TYPES.contains(guessed)) {
            return guessed;
        }
        return type.isEmpty() ? "application/binary" : type;
    }

    private boolean alive(ZendeskAttachment a) {
        if (a.isAttached()) {
            return true;
        }
        PendingUpload upload = uploads.get(a.uploadToken());
        return upload != null && clock.instant().isBefore(upload.expiresAt);
    }

    private Optional<PendingUpload> usableUpload(String token) {
        return Optional.ofNullable(uploads.get(token))
                .filter(u -> !u.used && clock.instant().isBefore(u.expiresAt));
    }

    /** The uploads a comment names, checked before anything changes: 422 for an unknown, used or expired token. */
    private List<PendingUpload> usableUploads(List<String> tokens) {
        List<PendingUpload> result = new ArrayList<>();
        for (String token : new LinkedHashSet<>(tokens)) {
            result.add(usableUpload(token).orElseThrow(() -> ApiException.invalid("uploads", "InvalidValue",
                    "Uploads: " + token.length() + "-character token is not a valid upload token (unknown, used or expired)")));
        }
        return result;
    }

    private ZendeskUpload toUpload(PendingUpload upload) {
        return new ZendeskUpload(upload.token, upload.attachmentIds.stream().map(attachments::get).toList(),
                upload.expiresAt);
    }

    private String newToken() {
        char[] token = new char[TOKEN_LENGTH];
        for (int i = 0; i < token.length; i++) {
            token[i] = TOKEN_CHARS[random.nextInt(TOKEN_CHARS.length)];
        }
        return new String(token);
    }

    // ---------------------------------------------------------------- rules

    private long resolveRequester(TicketDraft draft, ZendeskUser actor) {
        if (draft.requesterId() != null) {
            return activeUser(draft.requesterId()).orElseThrow(() -> ApiException.invalid("requester_id", "InvalidValue",
                    "Requester: no user with id " + draft.requesterId())).id();
        }
        TicketDraft.Requester requester = draft.requester();
        if (requester == null) {
            return actor.id();
        }
        if (requester.email() == null || requester.email().isBlank()) {
            throw ApiException.invalid("requester", "BlankValue", "Requester: email is required");
        }
        return userByEmail(requester.email()).map(ZendeskUser::id).orElseGet(() -> createUser(
                requester.name() == null || requester.name().isBlank()
                        ? requester.email().substring(0, Math.max(1, requester.email().indexOf('@')))
                        : requester.name(),
                requester.email(), ZendeskRole.END_USER, null).id());
    }

    private ZendeskUser requireAssignable(long userId) {
        ZendeskUser user = activeUser(userId).orElseThrow(() -> ApiException.invalid("assignee_id", "InvalidValue",
                "Assignee: no user with id " + userId));
        if (!user.role().isStaff()) {
            throw ApiException.invalid("assignee_id", "InvalidValue",
                    "Assignee: " + user.name() + " is not an agent");
        }
        return user;
    }

    /** Solving an unassigned ticket assigns it to the solving agent, as Zendesk does. */
    private static Long assigneeForSolving(Long assigneeId, ZendeskUser actor) {
        if (assigneeId != null) {
            return assigneeId;
        }
        if (!actor.role().isStaff()) {
            throw ApiException.invalid("assignee_id", "BlankValue", "Assignee: is required when solving a ticket");
        }
        return actor.id();
    }

    private ZendeskComment newComment(long ticketId, long auditId, NewComment input, List<PendingUpload> files,
                                      ZendeskUser actor, Instant at) {
        long authorId = actor.id();
        if (input.authorId() != null) {
            authorId = activeUser(input.authorId()).orElseThrow(() -> ApiException.invalid("author_id", "InvalidValue",
                    "Author: no user with id " + input.authorId())).id();
        }
        String html = input.htmlBody() != null && !input.htmlBody().isBlank() ? input.htmlBody()
                : CommentBodies.toHtml(input.body());
        String body = input.htmlBody() != null && !input.htmlBody().isBlank() ? CommentBodies.toText(input.htmlBody())
                : input.body();
        long commentId = nextCommentId++;
        List<ZendeskAttachment> attached = new ArrayList<>();
        for (PendingUpload upload : files) {
            upload.used = true;
            for (long attachmentId : upload.attachmentIds) {
                ZendeskAttachment a = attachments.get(attachmentId).attachedTo(ticketId, commentId, input.isPublic());
                attachments.put(attachmentId, a);
                attached.add(a);
            }
        }
        return new ZendeskComment(commentId, ticketId, auditId, authorId, body, html, input.isPublic(), at,
                attached);
    }

    private static <T> T pick(Set<String> cleared, String field, T update, T current) {
        if (cleared.contains(field)) {
            return null;
        }
        return update != null ? update : current;
    }

    private static ZendeskTicket withTimes(ZendeskTicket t, Instant updatedAt, long generated) {
        return new ZendeskTicket(t.id(), t.externalId(), t.type(), t.subject(), t.description(), t.status(),
                t.priority(), t.requesterId(), t.submitterId(), t.assigneeId(), t.groupId(), t.tags(),
                t.customFields(), t.isPublic(), t.dueAt(), t.createdAt(), updatedAt, generated);
    }

    /** Zendesk tags are lower-case single words; "a b" is two tags. */
    static List<String> normaliseTags(Collection<String> tags) {
        LinkedHashSet<String> result = new LinkedHashSet<>();
        for (String tag : tags) {
            if (tag != null) {
                Arrays.stream(tag.trim().split("\\s+")).filter(s -> !s.isEmpty())
                        .map(s -> s.toLowerCase(Locale.ROOT)).forEach(result::add);
            }
        }
        return List.copyOf(result);
    }

    private static List<CustomField> mergeFields(List<CustomField> current, List<CustomField> changes) {
        Map<Long, CustomField> merged = new TreeMap<>();
        current.forEach(f -> merged.put(f.id(), f));
        changes.forEach(f -> merged.put(f.id(), f));
        return List.copyOf(merged.values());
    }
}
