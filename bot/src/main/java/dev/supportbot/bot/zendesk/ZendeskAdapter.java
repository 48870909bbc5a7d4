package dev.supportbot.bot.zendesk;

import dev.supportbot.bot.outbound.RateLimitRetry;
import dev.supportbot.bot.outbound.RateLimiter;
import dev.supportbot.bot.outbound.Sleeper;
import dev.supportbot.workflows.redaction.SecretScanner;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.DefaultAsyncHttpClient;
import org.asynchttpclient.DefaultAsyncHttpClientConfig;
import org.zendesk.client.v2.ZendeskException;
import org.zendesk.client.v2.model.Comment;
import org.zendesk.client.v2.model.SortOrder;
import org.zendesk.client.v2.model.Status;
import org.zendesk.client.v2.model.Ticket;
import org.zendesk.client.v2.model.User;

/** {@link Zendesk} on the Zendesk Java Client, plus the redaction endpoints on the same HTTP client. */
final class ZendeskAdapter implements Zendesk {
    private final AsyncHttpClient http;
    private final org.zendesk.client.v2.Zendesk client;
    private final CommentRedactions redactions;
    private final TicketCreation creation;
    private final RateLimiter updates;
    private final RateLimitRetry retry;

    ZendeskAdapter(ZendeskAccount account, int updatesPerMinute, Clock clock, Sleeper sleeper) {
        this.http = new DefaultAsyncHttpClient(new DefaultAsyncHttpClientConfig.Builder()
                .setConnectTimeout(Duration.ofSeconds(10))
                .setRequestTimeout(Duration.ofSeconds(30))
                .setFollowRedirect(false)
                .build());
        this.client = new org.zendesk.client.v2.Zendesk.Builder(account.url())
                .setClient(http)
                .setUsername(account.email())
                .setToken(account.token())
                .build();
        ZendeskHttp raw = new ZendeskHttp(http, account);
        this.redactions = new CommentRedactions(raw);
        this.creation = new TicketCreation(raw);
        this.updates = new RateLimiter(updatesPerMinute, clock, sleeper);
        this.retry = RateLimitRetry.standard(sleeper);
    }

    @Override
    public ZendeskTicket ticket(long ticketId) {
        Ticket ticket = read("get ticket " + ticketId, () -> client.getTicket(ticketId));
        return new ZendeskTicket(ticketId, ticket.getSubject(), ticket.getDescription(), user(ticket.getRequesterId()),
                ticket.getTags() == null ? List.of() : ticket.getTags(), status(ticket.getStatus()));
    }

    @Override
    public ZendeskUser user(long userId) {
        return toUser(read("get user " + userId, () -> client.getUser(userId)));
    }

    @Override
    public List<ZendeskComment> commentsAfter(ZendeskTicket ticket, long afterCommentId) {
        long ticketId = ticket.id();
        Long requesterId = ticket.requester() == null ? null : ticket.requester().id();
        List<Comment> comments = allComments(ticketId).stream().filter(c -> c.getId() > afterCommentId).toList();
        Map<Long, ZendeskUser> authors = authors(ticketId, comments);
        return comments.stream().map(c -> new ZendeskComment(
                c.getId(),
                authors.getOrDefault(c.getAuthorId(), new ZendeskUser(c.getAuthorId(), null, null)),
                c.getAuthorId() != null && c.getAuthorId().equals(requesterId),
                Boolean.TRUE.equals(c.isPublic()),
                c.getBody(),
                c.getAttachments() == null ? List.of() : c.getAttachments().stream()
                        .map(a -> new ZendeskAttachment(a.getFileName(), a.getContentType())).toList(),
                c.getCreatedAt() == null ? null : c.getCreatedAt().toInstant())).toList();
    }

    @Override
    public void addPublicComment(long ticketId, String body) {
        comment(ticketId, body, true, "add a public comment to ticket " + ticketId);
    }

    @Override
    public void addPrivateNote(long ticketId, String body) {
        comment(ticketId, body, false, "add a private note to ticket " + ticketId);
    }

    @Override
    public void addTags(long ticketId, Collection<String> tags) {
        write("add tags to ticket " + ticketId, () -> client.addTagToTicket(ticketId, tags.toArray(String[]::new)));
    }

    @Override
    public void removeTags(long ticketId, Collection<String> tags) {
        write("remove tags from ticket " + ticketId, () -> client.removeTagFromTicket(ticketId, tags.toArray(String[]::new)));
    }

    @Override
    public void setStatus(long ticketId, TicketStatus status) {
        Ticket change = new Ticket();
        change.setId(ticketId);
        change.setStatus(Status.valueOf(status.name()));
        write("set the status of ticket " + ticketId, () -> client.updateTicket(change));
    }

    /**
     * Looks for a ticket an earlier attempt opened under the same key (its {@code external_id}) before opening one:
     * Zendesk's idempotency window is two hours and not every account has it, while a retry may come later.
     */
    @Override
    public long createTicket(NewTicket ticket, String idempotencyKey) {
        Optional<Long> earlier = ticketWithExternalId(idempotencyKey);
        if (earlier.isPresent()) return earlier.get();
        return write(TicketCreation.WHAT, () -> creation.create(ticket, idempotencyKey));
    }

    private Optional<Long> ticketWithExternalId(String externalId) {
        List<Ticket> found = read("look up the ticket with external id " + externalId, () -> StreamSupport
                .stream(client.getTicketsByExternalId(externalId).spliterator(), false).toList());
        return found.stream().map(Ticket::getId).filter(id -> id != null).min(Long::compare);
    }

    @Override
    public Redaction redact(long ticketId, long commentId, List<String> secrets) {
        String what = "redact comment " + commentId + " of ticket " + ticketId;
        Comment comment = allComments(ticketId).stream().filter(c -> c.getId() == commentId).findFirst()
                .orElseThrow(() -> ZendeskErrors.notFound(what));
        List<String> present = secrets.stream().distinct()
                .filter(s -> !s.isEmpty() && comment.getBody() != null && comment.getBody().contains(s)).toList();
        if (present.isEmpty()) return Redaction.nothing();
        // A secret the HTML does not show as-is cannot be marked there; the older endpoint matches the plain text.
        Optional<String> marked = RedactionMarkup.mark(comment.getHtmlBody(), present);
        if (marked.isPresent() && write(what, () -> redactions.redactHtml(ticketId, commentId, marked.get()))) {
            return new Redaction(Redaction.Via.COMMENT_REDACTIONS, present.size());
        }
        for (String secret : present) {
            write(what, () -> {
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

    private void comment(long ticketId, String body, boolean isPublic, String what) {
        Comment comment = new Comment(SecretScanner.mask(body));
        comment.setPublic(isPublic);
        write(what, () -> client.createComment(ticketId, comment));
    }

    private List<Comment> allComments(long ticketId) {
        return read("list the comments of ticket " + ticketId, () -> StreamSupport
                .stream(client.getTicketComments(ticketId, SortOrder.ASCENDING).spliterator(), false).toList());
    }

    private Map<Long, ZendeskUser> authors(long ticketId, List<Comment> comments) {
        List<Long> ids = comments.stream().map(Comment::getAuthorId).filter(id -> id != null).distinct().toList();
        if (ids.isEmpty()) return Map.of();
        long[] rest = ids.subList(1, ids.size()).stream().mapToLong(Long::longValue).toArray();
        List<User> users = read("get the comment authors of ticket " + ticketId, () -> client.getUsers(ids.get(0), rest));
        return users.stream().map(ZendeskAdapter::toUser).collect(Collectors.toMap(ZendeskUser::id, Function.identity()));
    }

    private <T> T read(String what, RateLimitRetry.Attempt<T> call) {
        return retry.call(zendesk(what), () -> invoke(what, call));
    }

    /** Every write to a ticket counts against Zendesk's ticket update limit, retries included. */
    private <T> T write(String what, RateLimitRetry.Attempt<T> call) {
        return retry.call(zendesk(what), () -> {
            updates.acquire();
            return invoke(what, call);
        });
    }

    /** Runs a client call; a missing result is the client's way of saying 404. */
    private static <T> T invoke(String what, RateLimitRetry.Attempt<T> call) throws InterruptedException {
        T result;
        try {
            result = call.run();
        } catch (ZendeskException e) {
            throw ZendeskErrors.translate(what, e);
        }
        if (result == null) throw ZendeskErrors.notFound(what);
        return result;
    }

    private static String zendesk(String what) {
        return "Zendesk: " + what;
    }

    private static ZendeskUser toUser(User user) {
        return new ZendeskUser(user.getId(), user.getName(), user.getEmail());
    }

    private static TicketStatus status(Status status) {
        return status == null || status == Status.DELETED ? null : TicketStatus.valueOf(status.name());
    }
}
