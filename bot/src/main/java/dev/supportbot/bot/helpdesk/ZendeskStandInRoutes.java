package dev.supportbot.bot.helpdesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportbot.bot.helpdesk.ZendeskRecords.Comment;
import dev.supportbot.bot.helpdesk.ZendeskRecords.NewComment;
import dev.supportbot.bot.helpdesk.ZendeskRecords.Ticket;
import dev.supportbot.bot.helpdesk.ZendeskRecords.Update;
import dev.supportbot.bot.helpdesk.ZendeskRecords.User;
import dev.supportbot.bot.http.HmacSignatures;
import dev.supportbot.bot.http.HttpRoutes;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.zendesk.ZendeskAccount;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Zendesk API calls the bot's adapter makes (and the console's), under {@link SandboxSettings#ZENDESK_PATH}:
 * API token authentication as the configured account, {@code X-On-Behalf-Of} to act as another user (as an admin
 * token may in Zendesk), and {@code 429} with {@code Retry-After} while {@link RateLimitSwitch} says so.
 */
final class ZendeskStandInRoutes implements HttpRoutes {
    private static final String BASE = SandboxSettings.ZENDESK_PATH + "/api/v2";
    private static final Pattern ID_JSON = Pattern.compile("(\\d{1,18})\\.json");
    private static final Pattern ID_MAYBE_JSON = Pattern.compile("(\\d{1,18})(\\.json)?");
    private static final int MAX_PAGE = 100;

    private final SandboxZendesk zendesk;
    private final ZendeskAccount account;
    private final RateLimitSwitch rateLimit;

    ZendeskStandInRoutes(SandboxZendesk zendesk, ZendeskAccount account, RateLimitSwitch rateLimit) {
        this.zendesk = zendesk;
        this.account = account;
        this.rateLimit = rateLimit;
    }

    @FunctionalInterface
    private interface Call {
        Object handle(Context ctx, User actor) throws IOException;
    }

    @Override
    public void register(RoutesConfig routes) {
        add(routes, "GET", "/tickets.json", this::listTickets);
        add(routes, "POST", "/tickets.json", this::createTicket);
        add(routes, "GET", "/tickets/{ticket}", (ctx, actor) -> showTicket(ctx, id(ctx, "ticket", ID_JSON)));
        add(routes, "PUT", "/tickets/{ticket}", (ctx, actor) -> updateTicket(ctx, actor, id(ctx, "ticket", ID_JSON)));
        add(routes, "GET", "/tickets/{ticket}/comments.json", this::listComments);
        add(routes, "PUT", "/tickets/{ticket}/comments/{comment}/redact.json", (ctx, actor) -> commentJson(zendesk.redactText(
                actor, id(ctx, "ticket", ID_MAYBE_JSON), id(ctx, "comment", ID_MAYBE_JSON), body(ctx).path("text").asText(null))));
        add(routes, "PUT", "/comment_redactions/{comment}", (ctx, actor) -> {
            JsonNode body = body(ctx);
            if (!body.path("ticket_id").canConvertToLong()) throw ZendeskError.badRequest("ticket_id is required");
            if (!body.path("html_body").isTextual()) throw ZendeskError.badRequest("html_body is required");
            return commentJson(zendesk.redactMarked(actor, body.path("ticket_id").asLong(), id(ctx, "comment", ID_MAYBE_JSON),
                    body.path("html_body").asText()));
        });
        add(routes, "GET", "/users/{user}", (ctx, actor) -> "show_many.json".equals(ctx.pathParam("user"))
                ? showMany(ctx) : showUser(id(ctx, "user", ID_JSON)));
    }

    private void add(RoutesConfig routes, String method, String path, Call call) {
        routes.addHttpHandler(HandlerType.findOrCreate(method), BASE + path, guarded(call));
    }

    private Handler guarded(Call call) {
        return ctx -> {
            try {
                User actor = actor(ctx);
                rateLimit.next().ifPresent(wait -> {
                    ctx.header("Retry-After", Long.toString(wait.toSeconds()));
                    throw new ZendeskError(429, "APIRateLimitExceeded", "rate limit exceeded; retry after " + wait.toSeconds() + "s");
                });
                Object answer = call.handle(ctx, actor);
                ctx.contentType("application/json; charset=utf-8").result(Json.MAPPER.writeValueAsString(answer));
            } catch (ZendeskError e) {
                ctx.status(e.status).contentType("application/json; charset=utf-8")
                        .result(ZendeskJson.error(e.error, e.getMessage()).toString());
            }
        };
    }

    /** The authenticated account's user, or the user named by {@code X-On-Behalf-Of}. */
    private User actor(Context ctx) {
        String given = ctx.header("Authorization");
        if (given == null || !HmacSignatures.constantTimeEquals(HmacSignatures.utf8(account.basicAuthorization()),
                HmacSignatures.utf8(given.trim()))) {
            throw new ZendeskError(401, "Couldn't authenticate you", "API token authentication as the configured account is required");
        }
        String onBehalfOf = ctx.header("X-On-Behalf-Of");
        String email = onBehalfOf == null || onBehalfOf.isBlank() ? account.email() : onBehalfOf;
        return zendesk.jdbi().withHandle(h -> zendesk.store().userByEmail(h, email))
                .orElseThrow(() -> new ZendeskError(403, "Forbidden", "no user with the email of X-On-Behalf-Of"));
    }

    private Object showTicket(Context ctx, long id) {
        return zendesk.jdbi().withHandle(h -> {
            Ticket t = zendesk.store().ticket(h, id).orElseThrow(() -> ZendeskError.notFound("ticket " + id));
            ObjectNode out = Json.MAPPER.createObjectNode();
            out.set("ticket", ZendeskJson.ticket(t, zendesk.store().firstCommentBody(h, id).orElse("")));
            if (includesUsers(ctx)) {
                ArrayNode users = out.putArray("users");
                zendesk.store().users(h, List.of(t.requesterId())).forEach(u -> users.add(ZendeskJson.user(u)));
            }
            return out;
        });
    }

    /** {@code ?external_id=} finds the tickets carrying it (oldest first); without it, every ticket, newest first. */
    private Object listTickets(Context ctx, User actor) {
        String externalId = ctx.queryParam("external_id");
        return zendesk.jdbi().withHandle(h -> {
            List<Ticket> tickets = externalId == null ? zendesk.store().tickets(h) : zendesk.store().ticketsWithExternalId(h, externalId);
            ObjectNode out = Json.MAPPER.createObjectNode();
            ArrayNode list = out.putArray("tickets");
            for (Ticket t : tickets) list.add(ZendeskJson.ticket(t, zendesk.store().firstCommentBody(h, t.id()).orElse("")));
            out.putNull("next_page");
            out.putNull("previous_page");
            out.put("count", tickets.size());
            return out;
        });
    }

    private Object createTicket(Context ctx, User actor) {
        byte[] raw = ctx.bodyAsBytes();
        JsonNode ticket = parse(raw).path("ticket");
        if (!ticket.isObject()) throw ZendeskError.badRequest("a ticket object is required");
        NewComment comment = comment(ticket.path("comment"), actor);
        if (comment == null) throw ZendeskError.invalid("comment: a body is required");
        JsonNode requester = ticket.path("requester");
        String requesterEmail = requester.path("email").asText(null);
        if (requester.isObject() && (requesterEmail == null || !requesterEmail.contains("@"))) {
            throw ZendeskError.invalid("requester: an email is required");
        }
        String subject = ticket.path("subject").asText(comment.body().lines().findFirst().orElse(""));
        if (subject.length() > 500) throw ZendeskError.invalid("subject is longer than 500 characters");
        String status = status(ticket.path("status"));
        String externalId = ticket.path("external_id").isNull() ? null : ticket.path("external_id").asText(null);
        if (externalId != null && externalId.length() > 255) throw ZendeskError.invalid("external_id is longer than 255 characters");
        String key = ctx.header("Idempotency-Key");
        if (key != null && (key.isBlank() || key.length() > 255)) throw ZendeskError.badRequest("Idempotency-Key must be 1 to 255 characters");
        SandboxZendesk.Created created = zendesk.create(actor, new SandboxZendesk.NewTicket(subject,
                ticket.path("requester_id").canConvertToLong() ? ticket.path("requester_id").asLong() : null,
                requester.path("name").asText(null), requesterEmail, comment, strings(ticket.path("tags")), status, externalId),
                key, sha256(raw));
        if (key != null) ctx.header("x-idempotency-lookup", created.replayed() ? "hit" : "miss");
        ctx.status(201);
        return ticketAnswer(created.ticket());
    }

    private Object updateTicket(Context ctx, User actor, long id) {
        JsonNode ticket = parse(ctx.bodyAsBytes()).path("ticket");
        if (!ticket.isObject()) throw ZendeskError.badRequest("a ticket object is required");
        Update update = new Update(comment(ticket.path("comment"), actor), strings(ticket.path("additional_tags")),
                strings(ticket.path("remove_tags")), ticket.has("tags") ? strings(ticket.path("tags")) : null, status(ticket.path("status")));
        Ticket updated = zendesk.update(actor, id, update);
        ObjectNode out = ticketAnswer(updated);
        out.putObject("audit").put("ticket_id", id).put("author_id", actor.id());
        return out;
    }

    private Object listComments(Context ctx, User actor) {
        long ticketId = id(ctx, "ticket", ID_MAYBE_JSON);
        String size = ctx.queryParam("page[size]");
        // As Zendesk: cursor pages are ordered by sort (created_at, -created_at), offset pages by sort_order.
        boolean newestFirst = size == null ? "desc".equals(ctx.queryParam("sort_order")) : "-created_at".equals(ctx.queryParam("sort"));
        int pageSize = size == null ? MAX_PAGE : pageSize(size);
        Long after = cursor(ctx.queryParam("page[after]"));
        return zendesk.jdbi().withHandle(h -> {
            if (zendesk.store().ticket(h, ticketId).isEmpty()) throw ZendeskError.notFound("ticket " + ticketId);
            List<Comment> page = zendesk.store().comments(h, ticketId, newestFirst, after, pageSize + 1);
            boolean more = page.size() > pageSize;
            if (more) page = page.subList(0, pageSize);
            ObjectNode out = Json.MAPPER.createObjectNode();
            ArrayNode comments = out.putArray("comments");
            Set<Long> authors = new LinkedHashSet<>();
            for (Comment c : page) {
                comments.add(ZendeskJson.comment(c));
                authors.add(c.authorId());
            }
            if (includesUsers(ctx)) {
                ArrayNode users = out.putArray("users");
                zendesk.store().users(h, authors).forEach(u -> users.add(ZendeskJson.user(u)));
            }
            if (size != null) {
                ObjectNode meta = out.putObject("meta").put("has_more", more);
                if (page.isEmpty()) meta.putNull("after_cursor");
                else meta.put("after_cursor", cursorOf(page.get(page.size() - 1).id()));
            } else {
                out.putNull("next_page");
                out.put("count", page.size());
            }
            return out;
        });
    }

    private Object showUser(long id) {
        User user = zendesk.jdbi().withHandle(h -> zendesk.store().user(h, id)).orElseThrow(() -> ZendeskError.notFound("user " + id));
        return Json.MAPPER.createObjectNode().set("user", ZendeskJson.user(user));
    }

    private Object showMany(Context ctx) {
        String ids = ctx.queryParam("ids");
        if (ids == null || !ids.matches("\\d{1,18}(,\\d{1,18}){0,99}")) {
            throw ZendeskError.badRequest("ids must be up to 100 comma-separated user ids");
        }
        List<Long> wanted = new ArrayList<>();
        for (String id : ids.split(",")) wanted.add(Long.parseLong(id));
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode users = out.putArray("users");
        zendesk.jdbi().withHandle(h -> zendesk.store().users(h, wanted)).forEach(u -> users.add(ZendeskJson.user(u)));
        return out;
    }

    private ObjectNode ticketAnswer(Ticket t) {
        String description = zendesk.jdbi().withHandle(h -> zendesk.store().firstCommentBody(h, t.id())).orElse("");
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.set("ticket", ZendeskJson.ticket(t, description));
        return out;
    }

    private static ObjectNode commentJson(Comment c) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.set("comment", ZendeskJson.comment(c));
        return out;
    }

    /** A comment of a create or update: by the actor unless {@code author_id} says otherwise; null when there is none. */
    private static NewComment comment(JsonNode comment, User actor) {
        if (comment.isMissingNode() || comment.isNull()) return null;
        if (!comment.isObject() || !comment.path("body").isTextual() || comment.path("body").asText().isBlank()) {
            throw ZendeskError.invalid("comment: a body is required");
        }
        long author = comment.path("author_id").canConvertToLong() ? comment.path("author_id").asLong() : actor.id();
        // Uploads are files' names here: the stand-in keeps no file contents.
        return new NewComment(author, comment.path("public").asBoolean(true), comment.path("body").asText(),
                strings(comment.path("uploads")));
    }

    private static String status(JsonNode status) {
        if (status.isMissingNode() || status.isNull()) return null;
        String value = status.asText().toLowerCase(Locale.ROOT);
        if (!SandboxZendesk.STATUSES.contains(value)) throw ZendeskError.invalid("status must be one of " + SandboxZendesk.STATUSES);
        return value;
    }

    private static List<String> strings(JsonNode list) {
        if (list.isMissingNode() || list.isNull()) return List.of();
        if (!list.isArray()) throw ZendeskError.badRequest("expected a list of strings");
        List<String> out = new ArrayList<>();
        for (JsonNode n : list) {
            if (!n.isTextual() || n.asText().length() > 255) throw ZendeskError.badRequest("expected a list of strings");
            out.add(n.asText());
        }
        return out;
    }

    private static JsonNode parse(byte[] raw) {
        try {
            JsonNode body = Json.MAPPER.readTree(raw);
            if (body == null || !body.isObject()) throw ZendeskError.badRequest("the body must be a JSON object");
            return body;
        } catch (IOException e) {
            throw ZendeskError.badRequest("the body is not JSON");
        }
    }

    private static JsonNode body(Context ctx) {
        return parse(ctx.bodyAsBytes());
    }

    private static long id(Context ctx, String param, Pattern pattern) {
        Matcher m = pattern.matcher(ctx.pathParam(param));
        if (!m.matches()) throw ZendeskError.notFound(param + " " + ctx.pathParam(param).replaceAll("[^\\w.]", "?"));
        return Long.parseLong(m.group(1));
    }

    private static boolean includesUsers(Context ctx) {
        String include = ctx.queryParam("include");
        return include != null && List.of(include.split(",")).contains("users");
    }

    private static int pageSize(String size) {
        try {
            int n = Integer.parseInt(size);
            if (n >= 1 && n <= MAX_PAGE) return n;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ZendeskError.badRequest("page[size] must be 1 to " + MAX_PAGE);
    }

    private static String cursorOf(long commentId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("c" + commentId).getBytes(StandardCharsets.US_ASCII));
    }

    private static Long cursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) return null;
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (decoded.matches("c\\d{1,18}")) return Long.parseLong(decoded.substring(1));
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ZendeskError.badRequest("page[after] is not a cursor this API gave out");
    }

    private static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
