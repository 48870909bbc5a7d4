package dev.supportbot.workflows.typofix;

import dev.supportbot.workflows.approved.GateWords;
import dev.supportbot.workflows.domain.CloudActivation;
import dev.supportbot.workflows.domain.MailDelivery;
import dev.supportbot.workflows.engine.Comment;
import dev.supportbot.workflows.engine.Dates;
import dev.supportbot.workflows.redaction.SecretScanner;
import dev.supportbot.workflows.typofix.TypoFixState.Bounce;
import dev.supportbot.workflows.typofix.TypoFixState.StopReason;
import dev.supportbot.workflows.typofix.TypoFixState.Target;
import java.time.Instant;
import java.util.List;

/** Private notes on the ticket and the lines of the approval message. Mail subjects are masked; no secret in any. */
final class Notes {
    private static final String PREFIX = "Typo fix: ";
    private static final String AGAIN = " To try again, apply the typo-fix macro again or run"
            + " /lnr typo-fix in Slack with this ticket's number and the mistyped address.";

    static final GateWords WORDS = new GateWords(PREFIX, AGAIN);

    private Notes() {}

    static String stopped(StopReason why, String detail) {
        String what = switch (why) {
            case NOT_FROM_STAFF -> "the requester (" + detail + ") is not a staff member. The handbook fixes a typo"
                    + " on an account manager's internal request only, so the bot plans nothing here; please handle the"
                    + " request by hand.";
            case NO_MISTYPED_ADDRESS -> "could not tell which address is mistyped: the request must name exactly one"
                    + " address that a license or activation code was sent to." + AGAIN;
            case NO_LICENSE -> "no license or activation code was sent to the named address, so there is nothing to"
                    + " resend." + AGAIN;
            case CODE_USED -> "stopped at step 1: the cloud activation code was already used"
                    + (detail == null ? "" : " (" + detail + ")") + ". The handbook fixes a typo only while the code is"
                    + " unused: whoever activated it has the code, so resending it is not the fix. Please look into it"
                    + " with the account manager.";
            case NO_ACTIVATION -> "stopped at step 1: the subscription's cloud license has no cloud activation in the"
                    + " portal, so it cannot be checked that its code is unused. Please look into it by hand.";
            case NO_BOUNCE -> "stopped at step 2: the mail log shows no failed delivery of the license or activation-code"
                    + " mail to the mistyped address"
                    + (detail == null ? "" : " (" + detail + ")") + ". If the mail was delivered, the address may be"
                    + " right after all; please check with the account manager.";
            case NO_PLAN -> "no plan was made: " + detail + ". The change needs a person.";
            case APPROVAL_NOT_POSTED -> "could not ask for approval in Slack (" + detail + "). Nothing was changed."
                    + AGAIN;
        };
        return PREFIX + what + (why == StopReason.APPROVAL_NOT_POSTED ? "" : " Nothing was changed.");
    }

    static String activations(CloudActivation activation) {
        List<CloudActivation.InstanceActivation> all = activation.instanceActivations();
        return all.size() + (all.size() == 1 ? " instance activation" : " instance activations") + ", the first on "
                + all.get(0).hostname() + " at " + time(all.get(0).activatedAt());
    }

    static String lastDelivery(List<MailDelivery> log) {
        if (log.isEmpty()) return "nothing was sent to it";
        MailDelivery last = log.get(0);
        return "the last mail to it was " + last.status().name().toLowerCase(java.util.Locale.ROOT)
                + (last.smtpCode() == null ? "" : " with SMTP " + last.smtpCode()) + " at " + time(last.at());
    }

    /** Step 3: the log entry as evidence, its subject masked. */
    static String bounceEvidence(Target target, MailDelivery bounced) {
        return PREFIX + "the mail log shows a failed delivery to the mistyped address (step 2). Log entry:\n"
                + "Recipient: " + bounced.recipient() + "\n"
                + "Time: " + time(bounced.at()) + "\n"
                + "SMTP: " + (bounced.smtpCode() == null ? "no code" : bounced.smtpCode()) + " "
                + SecretScanner.mask(String.valueOf(bounced.message())) + "\n"
                + "Subject: " + SecretScanner.mask(String.valueOf(bounced.subject()))
                + (target.cloud() ? "\nThe cloud activation code of " + target.subscriptionName()
                        + " is unused (step 1)." : "")
                + "\nAsked the account manager to confirm the corrected address in writing.";
    }

    static String bounceLine(Bounce b) {
        return "mail to " + b.recipient() + " failed with SMTP " + (b.smtpCode() == null ? "no code" : b.smtpCode()) + " "
                + SecretScanner.mask(String.valueOf(b.message())) + " at " + time(b.at());
    }

    static String corrected(String address) {
        return PREFIX + "the account manager named " + address + " as the corrected address; asked them to confirm it.";
    }

    static String correctedWhileWaiting(String address) {
        return PREFIX + "the account manager corrected the address again, to " + address + ", while the plan waited for"
                + " approval. The plan was withdrawn (nothing was changed); asked them to confirm the new address.";
    }

    static String withdrawnLine() {
        return "Withdrawn: the account manager corrected the address again. Nothing was changed.";
    }

    static String confirmed(String address, Comment reply) {
        return PREFIX + "the account manager confirmed " + address + " in writing" + reply.writtenOn()
                + ". Reading the billing account to plan the change.";
    }

    static String confirmationExpired() {
        return PREFIX + "closed as expired, the account manager did not confirm the corrected address. Nothing was changed.";
    }

    static String nothingToDo(String corrected) {
        return PREFIX + "the Sold To already has " + corrected + ". Nothing to do.";
    }

    /** Steps 5 and 6: what ran, and the AM's part in the CRM. */
    static String done(Target target, String corrected, List<String> approvers, List<String> lines) {
        return WORDS.done(target.subscriptionName(), approvers, lines) + "\nAccount manager: please update the contact's"
                + " email in the CRM (Salesforce) from " + target.mistypedEmail() + " to " + corrected + " for your records.";
    }

    static String time(Instant at) {
        return at == null ? "an unknown time" : Dates.utcMinute(at);
    }

}
