package dev.supportbot.workflows.domain;

import java.time.Instant;

/** One event of the mail delivery log. {@code subject} can quote secrets: scrub it before it goes anywhere. */
public record MailDelivery(String recipient, Status status, Integer smtpCode, String message, String subject, Instant at) {

    public enum Status {
        DELIVERED,
        FAILED
    }

    public boolean failed() {
        return status == Status.FAILED;
    }
}
