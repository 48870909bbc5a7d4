package dev.supportbot.bot.sandbox;

import dev.supportbot.workflows.domain.MailDelivery;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The sandbox's mail delivery log, and the domains whose mail bounces. */
final class MailStore {

    List<MailDelivery> deliveriesTo(Handle h, String recipient) {
        return h.createQuery("""
                        SELECT recipient, status, smtp_code, message, subject, occurred_at FROM sandbox_mail_delivery
                        WHERE recipient = :recipient ORDER BY occurred_at DESC, id DESC""")
                .bind("recipient", CustomerStore.normal(recipient))
                .map((rs, ctx) -> {
                    int code = rs.getInt("smtp_code");
                    Integer smtpCode = rs.wasNull() ? null : code;
                    return new MailDelivery(rs.getString("recipient"), MailDelivery.Status.valueOf(rs.getString("status")),
                            smtpCode, rs.getString("message"), rs.getString("subject"),
                            rs.getObject("occurred_at", OffsetDateTime.class).toInstant());
                })
                .list();
    }

    void insert(Handle h, MailDelivery d) {
        h.createUpdate("""
                        INSERT INTO sandbox_mail_delivery (recipient, status, smtp_code, message, subject, occurred_at)
                        VALUES (:recipient, :status, :code, :message, :subject, :at)""")
                .bind("recipient", CustomerStore.normal(d.recipient()))
                .bind("status", d.status().name())
                .bind("code", d.smtpCode())
                .bind("message", d.message())
                .bind("subject", d.subject())
                .bind("at", d.at().atOffset(ZoneOffset.UTC))
                .execute();
    }

    boolean undeliverable(Handle h, String domain) {
        return h.createQuery("SELECT COUNT(*) FROM sandbox_undeliverable_domain WHERE mail_domain = :domain")
                .bind("domain", domain).mapTo(Long.class).one() > 0;
    }

    void addUndeliverableDomain(Handle h, String domain) {
        if (!undeliverable(h, domain)) {
            h.createUpdate("INSERT INTO sandbox_undeliverable_domain (mail_domain) VALUES (:domain)").bind("domain", domain).execute();
        }
    }
}
