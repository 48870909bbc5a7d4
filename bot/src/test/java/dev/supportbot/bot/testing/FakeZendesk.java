package dev.supportbot.bot.testing;

import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportbot.bot.helpdesk.ShippedTrigger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;

/**
 * Zendesk's far side for end-to-end tests: MockServer answering the API calls the adapter makes from an in-memory
 * model, so what the bot writes (comments, tags, new tickets, redactions) shows in what it reads next, as in real
 * Zendesk. Every request is also recorded by MockServer for assertions on the wire, and checked against Zendesk's API
 * description when the fake closes ({@link VendorContracts}): a request Zendesk would not take fails the test.
 */
public final class FakeZendesk implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TICKET = Pattern.compile("/api/v2/tickets/(\\d+)\\.json");
    private static final Pattern COMMENTS = Pattern.compile("/api/v2/tickets/(\\d+)/comments\\.json");
    private static final Pattern TAGS = Pattern.compile("/api/v2/tickets/(\\d+)/tags\\.json");
    private static final Pattern USER = Pattern.compile("/api/v2/users/(\\d+)\\.json");
    private static final Pattern REDACTION = Pattern.compile("/api/v2/comment_redactions/(\\d+)(\\.json)?");
    public static final long BOT_USER = 1;
    private static final AtomicLong DELIVERIES = new AtomicLong();

    public record User(long id, String name, String email) {}

    public record Comment(long id, long authorId, boolean isPublic, String body, List<String[]> attachments) {}

    /** Comments are written a minute apart by their ids: 22 November 2026, from 10:00 UTC. */
    public static java.time.Instant createdAt(Comment c) {
        return java.time.Instant.parse("2026-11-22T10:00:00Z").plusSeconds(60 * (c.id() % 600));
    }

    public static final class Ticket {
        public final long id;
        public volatile String subject;
        public final long requesterId;
        public final Set<String> tags = Collections.synchronizedSet(new LinkedHashSet<>());
        public final List<Comment> comments = new CopyOnWriteArrayList<>();
        public volatile String status = "open";
        public volatile String externalId;

        Ticket(long id, String subject, long requesterId) {
            this.id = id;
            this.subject = subject;
            this.requesterId = requesterId;
        }

        public List<Comment> publicCommentsBy(long authorId) {
            return comments.stream().filter(c -> c.authorId() == authorId && c.isPublic()).toList();
        }

        public List<Comment> privateNotes() {
            return comments.stream().filter(c -> !c.isPublic()).toList();
        }
    }

    private final ClientAndServer server = ClientAndServer.startClientAndServer();
    private final Map<Long, Ticket> tickets = new ConcurrentHashMap<>();
    private final Map<Long, User> users = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private final AtomicLong commentIds = new AtomicLong(1);
    private final List<Predicate<HttpRequest>> failOnce = new CopyOnWriteArrayList<>();
    private final List<Predicate<HttpRequest>> garbleOnce = new CopyOnWriteArrayList<>();
    private final AtomicInteger lostResponses = new AtomicInteger();
    private final Map<String, Long> idempotencyKeys = new ConcurrentHashMap<>();
    private final List<Predicate<HttpRequest>> rateLimitOnce = new CopyOnWriteArrayList<>();
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private volatile int retryAfterSeconds = 1;

    /** A request as it reached the fake: when (on this machine's clock), its method and path, and the answer's status. */
    public record Arrival(java.time.Instant at, String method, String path, int status) {
        public boolean isWrite() {
            return !method.equals("GET");
        }
    }
    private volatile boolean idempotency = true;
    private final boolean checked;

    public FakeZendesk() {
        this(true);
    }

    private FakeZendesk(boolean checked) {
        this.checked = checked;
        users.put(BOT_USER, new User(BOT_USER, "supportbot", "bot@vendor.example"));
        server.when(request()).respond(this::answer);
    }

    /** For benchmarks: tens of thousands of requests, whose kinds the tests have already checked. */
    public static FakeZendesk unchecked() {
        return new FakeZendesk(false);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    public ClientAndServer server() {
        return server;
    }

    public User user(String name, String email) {
        User existing = users.values().stream().filter(u -> email.equalsIgnoreCase(u.email())).findFirst().orElse(null);
        if (existing != null) return existing;
        User user = new User(ids.incrementAndGet(), name, email);
        users.put(user.id(), user);
        return user;
    }

    /** A ticket opened by {@code requester}; its first comment is {@code description}. */
    public Ticket ticket(long id, String subject, String description, User requester, String... tags) {
        Ticket ticket = new Ticket(id, subject, requester.id());
        ticket.tags.addAll(List.of(tags));
        ticket.comments.add(new Comment(commentIds.incrementAndGet(), requester.id(), true, description, List.of()));
        tickets.put(id, ticket);
        return ticket;
    }

    public Ticket ticket(long id) {
        return tickets.get(id);
    }

    public List<Ticket> tickets() {
        return new ArrayList<>(tickets.values());
    }

    public Comment reply(long ticketId, User author, String body, String... attachmentNames) {
        List<String[]> attachments = new ArrayList<>();
        for (String name : attachmentNames) attachments.add(new String[] {name, name.endsWith(".png") ? "image/png" : "application/octet-stream"});
        Comment comment = new Comment(commentIds.incrementAndGet(), author.id(), true, body, attachments);
        tickets.get(ticketId).comments.add(comment);
        return comment;
    }

    /**
     * The body the shipped trigger sends for the ticket as it is now, its placeholders and loops filled as Zendesk
     * fills them (the two latest comment ids newest first), {@code actor} having made the change.
     */
    public String triggerBody(long ticketId, User actor) {
        Ticket t = tickets.get(ticketId);
        List<Comment> newestFirst = new ArrayList<>(t.comments);
        Collections.reverse(newestFirst);
        Comment latest = newestFirst.get(0);
        User author = users.get(latest.authorId());
        StringBuilder ids = new StringBuilder();
        newestFirst.stream().limit(2).forEach(c -> ids.append(c.id()).append(' '));
        StringBuilder names = new StringBuilder();
        latest.attachments().forEach(a -> names.append(a[0]).append('/'));
        Map<String, String> values = new java.util.HashMap<>(Map.of("ticket.id", Long.toString(t.id),
                "ticket.updated_at_with_timestamp", java.time.Instant.now().toString() + "-" + DELIVERIES.incrementAndGet(),
                "current_user.email", actor.email(), "current_user.name", actor.name(), "ticket.status", t.status,
                "ticket.tags", String.join(" ", List.copyOf(t.tags)), "ticket.requester.id", Long.toString(t.requesterId)));
        values.putAll(Map.of("ticket.latest_comment.id", Long.toString(latest.id()),
                "ticket.latest_comment.author.id", Long.toString(latest.authorId()),
                "ticket.latest_comment.author.name", author == null ? "" : author.name(),
                "ticket.latest_comment.author.email", author == null ? "" : author.email(),
                "ticket.latest_comment.is_public", Boolean.toString(latest.isPublic()),
                "ticket.latest_comment.value", latest.body(),
                ShippedTrigger.ATTACHMENT_NAMES, names.toString(), ShippedTrigger.TWO_LATEST_IDS, ids.toString()));
        return ShippedTrigger.load(users.get(BOT_USER).email()).body(values);
    }

    /**
     * The next request matching {@code which} is carried out but answered with a 500, as when Zendesk did the work
     * and the answer was lost on the way back.
     */
    public void loseNextResponse(Predicate<HttpRequest> which) {
        failOnce.add(which);
    }

    /**
     * From now on ticket creation ignores {@code Idempotency-Key} and answers without {@code x-idempotency-lookup},
     * as for an account (or a moment past the two-hour window) where Zendesk does not de-duplicate.
     */
    public void withoutIdempotency() {
        idempotency = false;
    }

    public List<Ticket> ticketsWithExternalId(String externalId) {
        return tickets.values().stream().filter(t -> externalId.equals(t.externalId)).toList();
    }

    /**
     * The next request matching {@code which} is carried out but answered 200 with a body that is not what the API
     * promises (an HTML page from a proxy in front of Zendesk).
     */
    public void garbleNextResponse(Predicate<HttpRequest> which) {
        garbleOnce.add(which);
    }

    public int lostResponses() {
        return lostResponses.get();
    }

    /** Every request body Zendesk received, as text. */
    public List<String> receivedBodies() {
        List<String> bodies = new ArrayList<>();
        for (HttpRequest r : server.retrieveRecordedRequests(request())) {
            if (r.getBodyAsString() != null) bodies.add(r.getBodyAsString());
        }
        return bodies;
    }

    public HttpRequest[] recorded() {
        return server.retrieveRecordedRequests(request());
    }

    /**
     * The next request matching {@code which} is refused with a 429 and {@code Retry-After: seconds}, doing nothing,
     * as Zendesk does when the account's budget is spent.
     */
    public void rateLimitNext(Predicate<HttpRequest> which, int seconds) {
        retryAfterSeconds = seconds;
        rateLimitOnce.add(which);
    }

    /** Every request that reached the fake, in order of arrival. */
    public List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    private HttpResponse answer(HttpRequest request) throws Exception {
        HttpResponse response = answerOnce(request);
        arrivals.add(new Arrival(java.time.Instant.now(), request.getMethod().getValue(), request.getPath().getValue(),
                response.getStatusCode() == null ? 200 : response.getStatusCode()));
        return response;
    }

    private HttpResponse answerOnce(HttpRequest request) throws Exception {
        for (Predicate<HttpRequest> rule : rateLimitOnce) {
            if (rule.test(request) && rateLimitOnce.remove(rule)) {
                return response().withStatusCode(429).withHeader("Retry-After", Integer.toString(retryAfterSeconds))
                        .withBody("{\"error\":\"APIRateLimitExceeded\"}");
            }
        }
        HttpResponse response = route(request);
        for (Predicate<HttpRequest> rule : failOnce) {
            if (rule.test(request) && failOnce.remove(rule)) {
                lostResponses.incrementAndGet();
                return response().withStatusCode(500).withBody("{\"error\":\"lost\"}");
            }
        }
        for (Predicate<HttpRequest> rule : garbleOnce) {
            if (rule.test(request) && garbleOnce.remove(rule)) {
                return response().withStatusCode(200).withHeader("Content-Type", "text/html").withBody("<html>Please wait</html>");
            }
        }
        return response;
    }

    private HttpResponse route(HttpRequest request) throws Exception {
        String method = request.getMethod().getValue();
        String path = request.getPath().getValue();
        Matcher m;
        if ((m = TICKET.matcher(path)).matches() && method.equals("GET")) {
            return ticketJson(Long.parseLong(m.group(1)), "users".equals(request.getFirstQueryStringParameter("include")));
        }
        if ((m = TICKET.matcher(path)).matches() && method.equals("PUT")) return update(Long.parseLong(m.group(1)), request);
        if ((m = COMMENTS.matcher(path)).matches()) return comments(Long.parseLong(m.group(1)), request);
        if ((m = TAGS.matcher(path)).matches()) return tags(Long.parseLong(m.group(1)), method, request);
        if ((m = USER.matcher(path)).matches()) return userJson(Long.parseLong(m.group(1)));
        if (path.equals("/api/v2/users/show_many.json")) return usersJson(request.getFirstQueryStringParameter("ids"));
        if (path.equals("/api/v2/tickets.json") && method.equals("POST")) return create(request);
        if (path.equals("/api/v2/tickets.json") && method.equals("GET")) return byExternalId(request.getFirstQueryStringParameter("external_id"));
        if ((m = REDACTION.matcher(path)).matches() && method.equals("PUT")) return redact(Long.parseLong(m.group(1)), request);
        return response().withStatusCode(404).withBody("{\"error\":\"InvalidEndpoint\"}");
    }

    private HttpResponse ticketJson(long id, boolean withUsers) {
        Ticket t = tickets.get(id);
        if (t == null) return response().withStatusCode(404).withBody("{\"error\":\"RecordNotFound\"}");
        ObjectNode body = JSON.createObjectNode();
        body.set("ticket", ticketNode(t));
        if (withUsers && users.containsKey(t.requesterId)) body.putArray("users").add(userNode(users.get(t.requesterId)));
        return ok(body);
    }

    /** As Zendesk's {@code GET /api/v2/tickets.json?external_id=}: every ticket with it, oldest first. */
    private HttpResponse byExternalId(String externalId) {
        ArrayNode list = JSON.createArrayNode();
        tickets.values().stream().filter(t -> externalId != null && !externalId.isEmpty() && externalId.equals(t.externalId))
                .sorted(java.util.Comparator.comparingLong(t -> t.id)).forEach(t -> list.add(ticketNode(t)));
        ObjectNode body = JSON.createObjectNode();
        body.set("tickets", list);
        body.putNull("next_page");
        body.put("count", list.size());
        return ok(body);
    }

    private ObjectNode ticketNode(Ticket t) {
        ObjectNode ticket = JSON.createObjectNode();
        ticket.put("id", t.id).put("subject", t.subject).put("description", t.comments.get(0).body())
                .put("requester_id", t.requesterId).put("status", t.status);
        ArrayNode tags = ticket.putArray("tags");
        synchronized (t.tags) {
            t.tags.forEach(tags::add);
        }
        if (t.externalId != null) ticket.put("external_id", t.externalId);
        return ticket;
    }

    private HttpResponse update(long id, HttpRequest request) throws Exception {
        Ticket t = tickets.get(id);
        if (t == null) return response().withStatusCode(404);
        JsonNode ticket = JSON.readTree(request.getBodyAsString()).path("ticket");
        JsonNode comment = ticket.path("comment");
        if (!comment.isMissingNode() && comment.has("body")) {
            t.comments.add(new Comment(commentIds.incrementAndGet(), BOT_USER, comment.path("public").asBoolean(true),
                    comment.path("body").asText(), List.of()));
        }
        if (ticket.has("status")) t.status = ticket.path("status").asText();
        if (ticket.has("subject")) t.subject = ticket.path("subject").asText();
        ticket.path("additional_tags").forEach(tag -> t.tags.add(tag.asText()));
        ticket.path("remove_tags").forEach(tag -> t.tags.remove(tag.asText()));
        return ticketJson(id, false);
    }

    /**
     * As Zendesk's list of comments: {@code sort_order} for offset pages, {@code sort} for cursor pages (which ignore
     * {@code sort_order}), cursor pages ({@code page[size]}, {@code page[after]}, the
     * cursor being the last id of the page before) and the authors sideloaded with {@code include=users}.
     */
    private HttpResponse comments(long id, HttpRequest request) {
        Ticket t = tickets.get(id);
        if (t == null) return response().withStatusCode(404);
        List<Comment> all = new ArrayList<>(t.comments);
        String size = request.getFirstQueryStringParameter("page[size]");
        boolean newestFirst = size == null || size.isEmpty() ? "desc".equals(request.getFirstQueryStringParameter("sort_order"))
                : "-created_at".equals(request.getFirstQueryStringParameter("sort"));
        if (newestFirst) Collections.reverse(all);
        String after = request.getFirstQueryStringParameter("page[after]");
        int from = 0;
        if (after != null && !after.isEmpty()) {
            while (from < all.size() && all.get(from).id() != Long.parseLong(after)) from++;
            from++;
        }
        int to = size == null || size.isEmpty() ? all.size() : Math.min(all.size(), from + Integer.parseInt(size));
        List<Comment> page = all.subList(Math.min(from, all.size()), to);
        ArrayNode comments = JSON.createArrayNode();
        Set<Long> authors = new LinkedHashSet<>();
        for (Comment c : page) {
            authors.add(c.authorId());
            ObjectNode node = comments.addObject();
            node.put("id", c.id()).put("author_id", c.authorId()).put("public", c.isPublic()).put("body", c.body())
                    .put("html_body", "<div class=\"zd-comment\"><p>" + c.body() + "</p></div>").put("plain_body", c.body())
                    .put("created_at", createdAt(c).toString());
            ArrayNode attachments = node.putArray("attachments");
            for (String[] a : c.attachments()) attachments.addObject().put("id", 1).put("file_name", a[0]).put("content_type", a[1]);
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("comments", comments);
        if ("users".equals(request.getFirstQueryStringParameter("include"))) {
            ArrayNode list = body.putArray("users");
            authors.stream().map(users::get).filter(u -> u != null).forEach(u -> list.add(userNode(u)));
        }
        if (size != null && !size.isEmpty()) {
            boolean more = to < all.size();
            body.putObject("meta").put("has_more", more)
                    .put("after_cursor", page.isEmpty() ? null : Long.toString(page.get(page.size() - 1).id()));
        } else {
            body.putNull("next_page");
        }
        return ok(body);
    }

    private HttpResponse tags(long id, String method, HttpRequest request) throws Exception {
        Ticket t = tickets.get(id);
        List<String> given = new ArrayList<>();
        JSON.readTree(request.getBodyAsString()).path("tags").forEach(n -> given.add(n.asText()));
        if (method.equals("DELETE")) given.forEach(t.tags::remove);
        else t.tags.addAll(given);
        ArrayNode tags = JSON.createArrayNode();
        synchronized (t.tags) {
            t.tags.forEach(tags::add);
        }
        return ok(JSON.createObjectNode().set("tags", tags));
    }

    private HttpResponse userJson(long id) {
        User u = users.get(id);
        if (u == null) return response().withStatusCode(404);
        return ok(JSON.createObjectNode().set("user", userNode(u)));
    }

    private HttpResponse usersJson(String ids) {
        ArrayNode list = JSON.createArrayNode();
        for (String id : ids.split(",")) {
            User u = users.get(Long.parseLong(id.trim()));
            if (u != null) list.add(userNode(u));
        }
        return ok(JSON.createObjectNode().set("users", list));
    }

    private HttpResponse create(HttpRequest request) throws Exception {
        String key = idempotency ? request.getFirstHeader("Idempotency-Key") : null;
        Long seen = key == null || key.isEmpty() ? null : idempotencyKeys.get(key);
        if (seen != null) {
            // As Zendesk does within its idempotency window: the first ticket again, and nothing new.
            return response().withStatusCode(201).withHeader("Content-Type", "application/json")
                    .withHeader("x-idempotency-lookup", "hit").withBody("{\"ticket\": {\"id\": " + seen + "}}");
        }
        JsonNode ticket = JSON.readTree(request.getBodyAsString()).path("ticket");
        JsonNode requester = ticket.path("requester");
        User user = user(requester.path("name").asText(), requester.path("email").asText());
        long id = ids.incrementAndGet();
        Ticket created = ticket(id, ticket.path("subject").asText(), ticket.path("comment").path("body").asText(), user);
        created.comments.set(0, new Comment(created.comments.get(0).id(), BOT_USER, true, created.comments.get(0).body(), List.of()));
        ticket.path("tags").forEach(tag -> created.tags.add(tag.asText()));
        if (ticket.hasNonNull("external_id")) created.externalId = ticket.path("external_id").asText();
        if (key != null && !key.isEmpty()) idempotencyKeys.put(key, id);
        HttpResponse answer = response().withStatusCode(201).withHeader("Content-Type", "application/json")
                .withBody("{\"ticket\": {\"id\": " + id + "}}");
        // Zendesk says whether an Idempotency-Key was seen before, where it de-duplicates.
        return idempotency ? answer.withHeader("x-idempotency-lookup", "miss") : answer;
    }

    private HttpResponse redact(long commentId, HttpRequest request) throws Exception {
        String html = JSON.readTree(request.getBodyAsString()).path("html_body").asText();
        Matcher secret = Pattern.compile("<redact>(.*?)</redact>", Pattern.DOTALL).matcher(html);
        for (Ticket t : tickets.values()) {
            for (int i = 0; i < t.comments.size(); i++) {
                Comment c = t.comments.get(i);
                if (c.id() != commentId) continue;
                String body = c.body();
                while (secret.find()) body = body.replace(secret.group(1), "▇");
                t.comments.set(i, new Comment(c.id(), c.authorId(), c.isPublic(), body, c.attachments()));
                return ok(JSON.createObjectNode().set("comment", JSON.createObjectNode().put("id", commentId)));
            }
        }
        return response().withStatusCode(404);
    }

    private static ObjectNode userNode(User u) {
        return JSON.createObjectNode().put("id", u.id()).put("name", u.name()).put("email", u.email());
    }

    private static HttpResponse ok(JsonNode body) {
        return response().withStatusCode(200).withHeader("Content-Type", "application/json").withBody(body.toString());
    }

    @Override
    public void close() {
        try {
            if (checked) VendorContracts.assertKept(VendorContracts.Api.ZENDESK, server);
        } finally {
            server.stop();
        }
    }
}
