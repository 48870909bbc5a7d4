package dev.supportbot.bot.helpdesk;

import dev.supportbot.bot.helpdesk.ZendeskRecords.Change;
import dev.supportbot.bot.helpdesk.ZendeskRecords.Comment;
import dev.supportbot.bot.helpdesk.ZendeskRecords.Ticket;
import dev.supportbot.bot.http.HmacSignatures;
import dev.supportbot.bot.http.ZendeskSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires the shipped trigger for committed ticket changes: the body is rendered from the ticket as the change left
 * it, then sent on this sender's own thread (never the thread of the API call that made the change) to the bot's
 * {@code /webhooks/zendesk}, signed as Zendesk signs (base64 HMAC-SHA256 of timestamp + body) with the webhook
 * secret. A refused or failed delivery is tried again a few times, as Zendesk does; the body is never logged.
 */
final class TriggerSender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TriggerSender.class);
    private static final int ATTEMPTS = 5;

    /** One delivery as the bot answered it (status 0: no answer). */
    record Delivery(long ticketId, String actorEmail, int status) {}

    private final ShippedTrigger trigger;
    private final SandboxZendesk zendesk;
    private final String secret;
    private final Clock clock;
    private final Supplier<String> botUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sandbox-zendesk-trigger");
        t.setDaemon(true);
        return t;
    });
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile boolean off;

    TriggerSender(ShippedTrigger trigger, SandboxZendesk zendesk, String secret, Clock clock, Supplier<String> botUrl) {
        this.trigger = trigger;
        this.zendesk = zendesk;
        this.secret = secret;
        this.clock = clock;
        this.botUrl = botUrl;
    }

    /** Called once a change committed. */
    void changed(Change change) {
        if (off || !trigger.fires(change.created(), change.actorEmail())) return;
        Ticket ticket = zendesk.ticket(change.ticketId());
        Map<String, String> values = new HashMap<>(Map.of(
                "ticket.id", Long.toString(ticket.id()),
                "ticket.updated_at_with_timestamp", ticket.updatedAt().truncatedTo(ChronoUnit.MILLIS).toString(),
                "current_user.email", change.actorEmail(),
                "current_user.name", change.actorName() == null ? "" : change.actorName(),
                "ticket.status", ticket.status(),
                "ticket.tags", String.join(" ", ticket.tags()),
                "ticket.requester.id", Long.toString(ticket.requesterId())));
        values.putAll(latestComments(ticket.id()));
        String body = trigger.body(values);
        try {
            thread.execute(() -> deliver(change, body));
        } catch (RejectedExecutionException e) {
            log.info("sandbox Zendesk stopped: the trigger for ticket {} is not sent", change.ticketId());
        }
    }

    /** The latest comment's placeholders and the two latest comments' ids (newest first), as Zendesk fills them. */
    private Map<String, String> latestComments(long ticketId) {
        return zendesk.jdbi().withHandle(h -> {
            List<Comment> latest = zendesk.store().comments(h, ticketId, true, null, 2);
            Map<String, String> values = new HashMap<>();
            StringBuilder ids = new StringBuilder();
            latest.forEach(c -> ids.append(c.id()).append(' '));
            values.put(ShippedTrigger.TWO_LATEST_IDS, ids.toString());
            if (latest.isEmpty()) return values;
            Comment comment = latest.get(0);
            StringBuilder names = new StringBuilder();
            comment.attachments().forEach(a -> names.append(a.fileName()).append('/'));
            values.put("ticket.latest_comment.id", Long.toString(comment.id()));
            values.put("ticket.latest_comment.author.id", Long.toString(comment.authorId()));
            Optional<ZendeskRecords.User> author = zendesk.store().user(h, comment.authorId());
            values.put("ticket.latest_comment.author.name", author.map(ZendeskRecords.User::name).orElse(""));
            values.put("ticket.latest_comment.author.email", author.map(ZendeskRecords.User::email).orElse(""));
            values.put("ticket.latest_comment.is_public", Boolean.toString(comment.isPublic()));
            values.put("ticket.latest_comment.value", comment.body());
            values.put(ShippedTrigger.ATTACHMENT_NAMES, names.toString());
            return values;
        });
    }

    /** Deactivates the trigger (true) or activates it again: a test of the adapter alone keeps the bot's engine out. */
    void deactivate(boolean deactivated) {
        off = deactivated;
    }

    /** Every delivery so far, in order. */
    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    private void deliver(Change change, String body) {
        int status = 0;
        for (int attempt = 1; attempt <= ATTEMPTS && !Thread.currentThread().isInterrupted(); attempt++) {
            status = send(body);
            if (status >= 200 && status < 300) break;
            if (status >= 400 && status < 500 && status != 408 && status != 429) break;
            try {
                Thread.sleep(200L << attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (status < 200 || status >= 300) {
            log.warn("sandbox Zendesk: the trigger's webhook for ticket {} was answered {}", change.ticketId(), status);
        }
        deliveries.add(new Delivery(change.ticketId(), change.actorEmail(), status));
    }

    private int send(String body) {
        String timestamp = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = Base64.getEncoder().encodeToString(
                HmacSignatures.hmacSha256(secret, HmacSignatures.utf8(timestamp), bytes));
        HttpRequest request = HttpRequest.newBuilder(URI.create(botUrl.get() + "/webhooks/zendesk"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(ZendeskSignature.SIGNATURE_HEADER, signature)
                .header(ZendeskSignature.TIMESTAMP_HEADER, timestamp)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
