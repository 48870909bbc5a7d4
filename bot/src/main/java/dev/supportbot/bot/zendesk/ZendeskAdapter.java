package dev.supportbot.bot.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.outbound.OutboundException;
import dev.supportbot.bot.outbound.Retry;
import dev.supportbot.bot.outbound.Sleeper;
import dev.supportbot.workflows.redaction.SecretScanner;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.DefaultAsyncHttpClient;
import org.asynchttpclient.DefaultAsyncHttpClientConfig;
import org.asynchttpclient.Response;
import org.zendesk.client.v2.ZendeskException;
import org.zendesk.client.v2.model.Ticket;
import org.zendesk.client.v2.model.User;

/**
 * {@link Zendesk} over HTTP: tickets, comments and updates as raw JSON calls (with the sideloads and cursors the
 * Zendesk Java Client does not offer), users and the external-id lookup through the client on the same HTTP client.
 * Every request takes its share of the {@link ApiBudget} first and is counted by kind and outcome.
 */
final class ZendeskAdapter implements Zendesk {
    /** Comments a page; the newest page is read first, so one page is nearly always all that is needed. */
    static final int COMMENT_PAGE = 100;

    private final AsyncHttpClient http;
    private final org.zendesk.client.v2.Zendesk client;
    private final ZendeskHttp raw;
    private final CommentRedactions redactions;
    private final TicketCreation creation;
    private final ApiBudget budget;
    private final ZendeskMeter meter;
    private final Retry retry;

    ZendeskAdapter(ZendeskAccount account, ApiBudget budget, Sleeper sleeper, ZendeskMeter meter) {
        this.http = new DefaultAsyncHttpClient(new DefaultAsyncHttpClientConfig.Builder()
                .setConnectTimeout(Duration.ofSeconds(10))
                .setRequestTimeout(Duration.ofSeconds(30))
                .setFollowRedirect(false)
                .addResponseFilter(new RateLimitSignals(budget))
                .build());
        this.client = new org.zendesk.client.v2.Zendesk.Builder(account.url())
                .setClient(http)
                .setUsername(account.email())
                .setToken(account.token())
                .build();
        this.raw = new ZendeskHttp(http, account);
        this.redactions = new CommentRedactions(raw);
        this.creation = new TicketCreation(raw);
        this.budget = budget;
        this.meter = meter;
        this.retry = Retry.standard(sleeper);
    }

    /** The ticket with its requester sideloaded: one request. */
    @Override
    public ZendeskTicket ticket(long ticketId) {
        String what = "get ticket " + ticketId;
        JsonNode body = call(ApiBudget.Kind.READ, what, () -> ZendeskHttp.json(what,
                raw.get(what, "/api/v2/tickets/" + ticketId + ".json", Map.of("include", "users"))));
        JsonNode ticket = body.path("ticket");
        if (!ticket.isObject()) throw ZendeskErrors.notFound(what);
        Map<Long, ZendeskUser> users = users(body);
        long requesterId = ticket.path("requester_id").asLong();
        List<String> tags = new ArrayList<>();
        ticket.path("tags").forEach(t -> tags.add(t.asText()));
        return new ZendeskTicket(ticketId, text(ticket, "subject"), text(ticket, "description"),
                users.getOrDefault(requesterId, new ZendeskUser(requesterId, null, null)), tags, status(text(ticket, "status")));
    }

    @Override
    public ZendeskUser user(long userId) {
        User user = call(ApiBudget.Kind.READ, "get user " + userId, () -> invoke("get user " + userId, () -> client.getUser(userId)));
        return new ZendeskUser(user.getId(), user.getName(), user.getEmail());
    }

    @Override
    public List<ZendeskComment> commentsAfter(long ticketId, Long requesterId, long afterCommentId) {
        List<ZendeskComment> comments = new ArrayList<>();
        for (RawComment c : rawCommentsAfter(ticketId, afterCommentId)) {
            comments.add(new ZendeskComment(c.id(), c.author(), requesterId != null && requesterId == c.author().id(),
                    c.isPublic(), c.body(), c.attachments(), c.createdAt()));
        }
        return comments;
    }

    @Override
    public void update(long ticketId, TicketUpdate update) {
        if (update.isEmpty()) return;
        String what = describe(ticketId, update);
        Map<String, Object> ticket = new LinkedHashMap<>();
        if (update.comment() != null) {
            ticket.put("comment", Map.of("body", SecretScanner.mask(update.comment()), "public", update.publicComment()));
        }
        if (!update.addTags().isEmpty()) ticket.put("additional_tags", List.copyOf(update.addTags()));
        if (!update.removeTags().isEmpty()) ticket.put("remove_tags", List.copyOf(update.removeTags()));
        if (update.status() != null) ticket.put("status", update.status().name().toLowerCase(Locale.ROOT));
        if (update.subject() != null) ticket.put("subject", SecretScanner.mask(update.subject()));
        call(ApiBudget.Kind.WRITE, what, () -> ZendeskHttp.json(what,
                raw.put(what, "/api/v2/tickets/" + ticketId + ".json", Map.of("ticket", ticket))));
    }

    /**
     * Looks for a ticket an earlier attempt opened under the same key (its {@code external_id}) before opening one:
     * Zendesk's idempotency window is two hours and not every account has it, while a retry may come later.
     */
    @Override
    public long createTicket(NewTicket ticket, String idempotencyKey) {
        Optional<Long> earlier = ticketWithExternalId(idempotencyKey);
        if (earlier.isPresent()) return earlier.get();
        return call(ApiBudget.Kind.WRITE, TicketCreation.WHAT, () -> creation.create(ticket, idempotencyKey));
    }

    private Optional<Long> ticketWithExternalId(String externalId) {
        String what = "look up the ticket with external id " + externalId;
        List<Ticket> found = call(ApiBudget.Kind.READ, what, () -> invoke(what, () -> StreamSupport
                .stream(client.getTicketsByExternalId(externalId).spliterator(), false).toList()));
        return found.stream().map(Ticket::getId).filter(id -> id != null).min(Long::compare);
    }

    @Override
    public Redaction redact(long ticketId, long commentId, List<String> secrets) {
        String what = "redact comment " + commentId + " of ticket " + ticketId;
        RawComment comment = rawCommentsAfter(ticketId, commentId - 1).stream().filter(c -> c.id() == commentId).findFirst()
                .orElseThrow(() -> ZendeskErrors.notFound(what));
        List<String> present = secrets.stream().distinct()
                .filter(s -> !s.isEmpty() && comment.body() != null && comment.body().contains(s)).toList();
        if (present.isEmpty()) return Redaction.nothing();
        // A secret the HTML does not show as-is cannot be marked there; the older endpoint matches the plain text.
        Optional<String> marked = RedactionMarkup.mark(comment.htmlBody(), present);
        if (marked.isPresent() && call(ApiBudget.Kind.WRITE, what, () -> redactions.redactHtml(ticketId, commentId, marked.get()))) {
            return new Redaction(Redaction.Via.COMMENT_REDACTIONS, present.size());
        }
        for (String secret : present) {
            call(ApiBudget.Kind.WRITE, what, () -> {
                redactions.redactText(ticketId, commentId, secret);
                return true;
            });
        }
        return new Redaction(Redaction.Via.LEGACY_REDACT, present.size());
    }

    @Override
    public void close() {
        client.close();
        try {
            http.close();
        } catch (IOException e) {
            // Nothing left to release that matters on shutdown.
        }
    }

    private record RawComment(long id, ZendeskUser author, boolean isPublic, String body, String htmlBody,
                              List<ZendeskAttachment> attachments, Instant createdAt) {}

    /**
     * The comments newer than {@code afterCommentId}, oldest first, their authors sideloaded: pages newest first,
     * following the cursor only while a page is all new, so a ticket with nothing new costs one small request. With
     * cursor pages Zendesk orders by {@code sort} ({@code -created_at}) and ignores the offset pages' {@code sort_order}.
     */
    private List<RawComment> rawCommentsAfter(long ticketId, long afterCommentId) {
        String what = "list the comments of ticket " + ticketId;
        List<RawComment> newestFirst = new ArrayList<>();
        String cursor = null;
        for (;;) {
            Map<String, String> query = new HashMap<>(Map.of(
                    "sort", "-created_at", "include", "users", "page[size]", Integer.toString(COMMENT_PAGE)));
            if (cursor != null) query.put("page[after]", cursor);
            JsonNode page = call(ApiBudget.Kind.READ, what, () -> ZendeskHttp.json(what,
                    raw.get(what, "/api/v2/tickets/" + ticketId + "/comments.json", query)));
            Map<Long, ZendeskUser> users = users(page);
            boolean reachedSeen = false;
            for (JsonNode c : page.path("comments")) {
                long id = c.path("id").asLong();
                if (id <= afterCommentId) {
                    reachedSeen = true;
                    continue;
                }
                newestFirst.add(comment(c, users));
            }
            cursor = page.path("meta").path("after_cursor").asText(null);
            if (reachedSeen || !page.path("meta").path("has_more").asBoolean(false) || cursor == null) break;
        }
        List<RawComment> oldestFirst = new ArrayList<>(newestFirst);
        oldestFirst.sort(java.util.Comparator.comparingLong(RawComment::id));
        return oldestFirst;
    }

    private static RawComment comment(JsonNode c, Map<Long, ZendeskUser> users) {
        long authorId = c.path("author_id").asLong();
        List<ZendeskAttachment> attachments = new ArrayList<>();
        c.path("attachments").forEach(a -> attachments.add(new ZendeskAttachment(text(a, "file_name"), text(a, "content_type"))));
        return new RawComment(c.path("id").asLong(), users.getOrDefault(authorId, new ZendeskUser(authorId, null, null)),
                c.path("public").asBoolean(false), text(c, "body"), text(c, "html_body"), attachments, instant(text(c, "created_at")));
    }

    private static Map<Long, ZendeskUser> users(JsonNode body) {
        Map<Long, ZendeskUser> users = new HashMap<>();
        for (JsonNode u : body.path("users")) {
            long id = u.path("id").asLong();
            users.put(id, new ZendeskUser(id, text(u, "name"), text(u, "email")));
        }
        return users;
    }

    /** One attempt: the budget first (every retry takes its share too), then the request, counted by outcome. */
    private <T> T call(ApiBudget.Kind kind, String what, Retry.Attempt<T> attempt) {
        return retry.call("Zendesk: " + what, () -> {
            ApiBudget.Taken taken = budget.acquire(kind);
            try {
                T result = attempt.run();
                meter.request(kind, "ok");
                return result;
            } catch (OutboundException e) {
                meter.request(kind, e.failure().name().toLowerCase(Locale.ROOT));
                throw e;
            } finally {
                budget.settle(taken);
            }
        });
    }

    /** Runs a client call; a missing result is the client's way of saying 404. */
    private static <T> T invoke(String what, Retry.Attempt<T> call) throws InterruptedException {
        T result;
        try {
            result = call.run();
        } catch (ZendeskException e) {
            throw ZendeskErrors.translate(what, e);
        }
        if (result == null) throw ZendeskErrors.notFound(what);
        return result;
    }

    private static String describe(long ticketId, TicketUpdate update) {
        List<String> parts = new ArrayList<>();
        if (update.comment() != null) parts.add(update.publicComment() ? "add a public comment" : "add a private note");
        if (!update.addTags().isEmpty()) parts.add("add tags");
        if (!update.removeTags().isEmpty()) parts.add("remove tags");
        if (update.status() != null) parts.add("set the status");
        if (update.subject() != null) parts.add("mask the subject");
        String joined = parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        return joined + (update.comment() != null || parts.size() > 1 ? " to ticket " : joinWord(parts.get(0))) + ticketId;
    }

    /** "add tags to ticket 1", "remove tags from ticket 1", "set the status of ticket 1". */
    private static String joinWord(String only) {
        if (only.startsWith("remove")) return " from ticket ";
        if (only.startsWith("set")) return " of ticket ";
        return " to ticket ";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static TicketStatus status(String status) {
        if (status == null || status.equalsIgnoreCase("deleted")) return null;
        try {
            return TicketStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
