package dev.supportbot.bot.portal;

import dev.supportbot.workflows.domain.MailDelivery;
import java.util.List;

/** The mail delivery log (Mailgun). */
public interface PortalMailLog {

    /** Newest first; subjects scrubbed of secrets (an activation code mail names its code). */
    List<MailDelivery> mailDeliveries(String recipient);
}
