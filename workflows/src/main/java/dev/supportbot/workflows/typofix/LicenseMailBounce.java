package dev.supportbot.workflows.typofix;

import dev.supportbot.workflows.domain.MailDelivery;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Step 2's evidence (docs/handbook.md, "Fix an email typo"): the mail log must show that the license or activation-code
 * mail itself failed to reach the mistyped address. A bounce of another mail (an invoice, a receipt) proves nothing
 * about it, and a bounce followed by a successful delivery of the same mail means the address received it after all.
 */
final class LicenseMailBounce {
    private static final Pattern LICENSE_MAIL = Pattern.compile("\\b(activation code|license)\\b");
    private static final Pattern OTHER_MAIL = Pattern.compile("\\b(invoice|receipt|payment)\\b");

    private LicenseMailBounce() {}

    /** The newest failed delivery of the license or activation-code mail that no later delivery of it made good. */
    static Optional<MailDelivery> in(List<MailDelivery> log) {
        return log.stream()
                .filter(MailDelivery::failed)
                .filter(d -> isLicenseMail(d.subject()))
                .filter(d -> !deliveredLater(d, log))
                .max(Comparator.comparing(d -> d.at() == null ? Instant.MIN : d.at()));
    }

    /** Why the log holds no such bounce, for the note that stops the fix. */
    static String whyNot(List<MailDelivery> log) {
        if (log.isEmpty()) return "nothing was sent to it";
        Optional<MailDelivery> madeGood = log.stream().filter(MailDelivery::failed).filter(d -> isLicenseMail(d.subject()))
                .filter(d -> deliveredLater(d, log)).findFirst();
        if (madeGood.isPresent()) {
            return "the license or activation-code mail failed at " + Notes.time(madeGood.get().at())
                    + " but was delivered to it later";
        }
        if (log.stream().anyMatch(MailDelivery::failed)) {
            return "the mail that failed was not the license or activation-code mail";
        }
        return Notes.lastDelivery(log);
    }

    /** A license file or activation-code mail, by its subject; an invoice or receipt mentioning a license is not. */
    static boolean isLicenseMail(String subject) {
        String s = subject == null ? "" : subject.toLowerCase(Locale.ROOT);
        return LICENSE_MAIL.matcher(s).find() && !OTHER_MAIL.matcher(s).find();
    }

    private static boolean deliveredLater(MailDelivery bounce, List<MailDelivery> log) {
        return log.stream().anyMatch(d -> d.status() == MailDelivery.Status.DELIVERED
                && sameMail(d, bounce) && d.at() != null && bounce.at() != null && !d.at().isBefore(bounce.at()));
    }

    private static boolean sameMail(MailDelivery a, MailDelivery b) {
        return Objects.equals(normal(a.subject()), normal(b.subject()));
    }

    private static String normal(String subject) {
        return subject == null ? null : subject.trim().toLowerCase(Locale.ROOT);
    }
}
