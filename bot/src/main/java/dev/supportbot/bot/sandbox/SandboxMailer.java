package dev.supportbot.bot.sandbox;

import dev.supportbot.workflows.domain.Emails;
import dev.supportbot.workflows.domain.MailDelivery;
import java.time.Clock;
import org.jdbi.v3.core.Handle;

/** The sandbox's outgoing mail: nothing is sent; each mail becomes a delivery log event, a bounce for bad domains. */
final class SandboxMailer {
    private final MailStore mail;
    private final Clock clock;

    SandboxMailer(MailStore mail, Clock clock) {
        this.mail = mail;
        this.clock = clock;
    }

    MailDelivery send(Handle h, String recipient, String subject) {
        String to = CustomerStore.normal(recipient);
        MailDelivery delivery = mail.undeliverable(h, Emails.domainOf(to))
                ? new MailDelivery(to, MailDelivery.Status.FAILED, 550, "5.1.1 mailbox unavailable", subject, clock.instant())
                : new MailDelivery(to, MailDelivery.Status.DELIVERED, 250, "OK", subject, clock.instant());
        mail.insert(h, delivery);
        return delivery;
    }
}
