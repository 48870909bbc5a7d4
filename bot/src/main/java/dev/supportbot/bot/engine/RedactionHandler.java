package dev.supportbot.bot.engine;

import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.zendesk.Redaction;
import dev.supportbot.bot.zendesk.TicketUpdate;
import dev.supportbot.bot.zendesk.Zendesk;
import dev.supportbot.bot.zendesk.ZendeskAttachment;
import dev.supportbot.bot.zendesk.ZendeskComment;
import dev.supportbot.bot.zendesk.ZendeskTicket;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.redaction.SecretKind;
import dev.supportbot.workflows.redaction.SecretScanner;
import dev.supportbot.workflows.redaction.SecretSpan;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scans the comments of a ticket the bot has not scanned yet; redacts every activation code and license key through
 * Zendesk (now, while the text is only in memory), then queues one private note saying what kind of secret was
 * removed from which comment (never the secret) and which {@code .gitlab-license} attachments an agent must delete.
 * Re-running it is harmless: a redacted comment no longer holds the secret. In shadow mode it redacts nothing and the
 * note says what it would have redacted.
 */
public final class RedactionHandler implements TicketHandler {
    private final Zendesk zendesk;
    private final Queue queue;
    private final Clock clock;
    private final org.jdbi.v3.core.Jdbi jdbi;
    private final boolean shadow;

    public RedactionHandler(Zendesk zendesk, WorkflowEngine engine, dev.supportbot.bot.store.Database database, Clock clock,
            boolean shadow) {
        this.zendesk = zendesk;
        this.queue = engine.queue();
        this.clock = clock;
        this.jdbi = database.jdbi();
        this.shadow = shadow;
    }

    public RedactionHandler(Zendesk zendesk, WorkflowEngine engine, dev.supportbot.bot.store.Database database, Clock clock) {
        this(zendesk, engine, database, clock, false);
    }

    @Override
    public Handled handle(ZendeskTicket ticket, TicketComments comments) {
        long cursor = jdbi.withHandle(h -> h.createQuery("SELECT comment_cursor FROM ticket_scan WHERE ticket_id = :t")
                .bind("t", ticket.id()).mapTo(Long.class).findOne().orElse(0L));
        List<ZendeskComment> fresh = comments.after(cursor);
        List<String> findings = new ArrayList<>();
        List<String> wouldRedact = new ArrayList<>();
        maskSubject(ticket, wouldRedact).ifPresent(findings::add);
        if (fresh.isEmpty() && findings.isEmpty() && wouldRedact.isEmpty()) return Handled.noop("");
        for (ZendeskComment comment : fresh) {
            String body = comment.body() == null ? "" : comment.body();
            List<SecretSpan> spans = SecretScanner.find(body);
            if (!spans.isEmpty() && shadow) {
                wouldRedact.add("redact " + describe(spans) + " from " + ZendeskEvents.comment(comment).inWords());
            } else if (!spans.isEmpty()) {
                Redaction done = zendesk.redact(ticket.id(), comment.id(), spans.stream().map(s -> body.substring(s.start(), s.end())).toList());
                if (done.via() != Redaction.Via.NOTHING_TO_REDACT) findings.add("Redacted " + describe(spans) + " from " + ZendeskEvents.comment(comment).inWords() + ".");
            }
            for (ZendeskAttachment attachment : comment.attachments()) {
                if (attachment.fileName() != null && attachment.fileName().toLowerCase(Locale.ROOT).endsWith(".gitlab-license")) {
                    findings.add(ZendeskEvents.comment(comment).inWordsAtSentenceStart() + " has a license file attached (" + attachment.fileName()
                            + "): attachments cannot be redacted, please delete it.");
                }
            }
        }
        if (!wouldRedact.isEmpty()) findings.add(0, "supportbot would: " + String.join("; ", wouldRedact) + ". (Shadow mode: nothing was redacted.)");
        if (fresh.isEmpty()) return audited(ticket.id(), findings);
        long scanned = TicketComments.lastId(fresh, cursor);
        String note = findings.isEmpty() ? null : (wouldRedact.isEmpty() ? "supportbot redaction:\n" : "") + String.join("\n", findings);
        return new Handled(note == null ? "" : "redaction: " + findings.size() + " finding(s)", h -> {
            var now = clock.instant().atOffset(java.time.ZoneOffset.UTC);
            int updated = h.createUpdate("""
                            UPDATE ticket_scan SET comment_cursor = :c, scanned_at = :now
                            WHERE ticket_id = :t AND comment_cursor < :c""")
                    .bind("c", scanned).bind("t", ticket.id()).bind("now", now).execute();
            if (updated == 0 && cursor == 0L) {
                h.createUpdate("INSERT INTO ticket_scan (ticket_id, comment_cursor, scanned_at) VALUES (:t, :c, :now)")
                        .bind("t", ticket.id()).bind("c", scanned).bind("now", now).execute();
            }
            if (note != null) {
                queue.effects(h, null, ticket.id(), scanned, List.of(new Effect.PrivateNote(note)));
                AuditLog.append(h, new AuditLog.Entry(clock.instant(), "supportbot", "redaction", ticket.id(), null, note));
            }
        });
    }

    /**
     * A subject is readable by every agent and in every view, and Zendesk cannot redact it: it is replaced by itself
     * with the secrets masked. Known only when the ticket was read (the webhook alone carries no subject).
     */
    private java.util.Optional<String> maskSubject(ZendeskTicket ticket, List<String> wouldRedact) {
        String subject = ticket.subject();
        List<SecretSpan> spans = subject == null ? List.of() : SecretScanner.find(subject);
        if (spans.isEmpty()) return java.util.Optional.empty();
        if (shadow) {
            wouldRedact.add("mask " + describe(spans) + " in the ticket's subject");
            return java.util.Optional.empty();
        }
        zendesk.update(ticket.id(), TicketUpdate.NONE.withSubject(SecretScanner.mask(subject)));
        return java.util.Optional.of("Masked " + describe(spans) + " in the ticket's subject.");
    }

    /**
     * Only the subject was masked: an audit entry, no note (a note's effect key is the comment scan's position, which
     * has not moved) and no change to that position.
     */
    private Handled audited(long ticketId, List<String> findings) {
        String detail = "supportbot redaction:\n" + String.join("\n", findings);
        return new Handled("redaction: " + findings.size() + " finding(s)",
                h -> AuditLog.append(h, new AuditLog.Entry(clock.instant(), "supportbot", "redaction", ticketId, null, detail)));
    }

    private static String describe(List<SecretSpan> spans) {
        Map<SecretKind, Integer> counts = new EnumMap<>(SecretKind.class);
        for (SecretSpan span : spans) counts.merge(span.kind(), 1, Integer::sum);
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, n) -> parts.add(n + " " + kind.label() + (n == 1 ? "" : "s")));
        return String.join(" and ", parts);
    }
}
