package dev.supportbot.workflows.resend;

import dev.supportbot.workflows.approved.GateWords;
import dev.supportbot.workflows.engine.People;
import dev.supportbot.workflows.ownership.VerifiedOwnership;
import dev.supportbot.workflows.resend.ResendLicenseState.Handoff;
import java.util.List;

/**
 * Texts for agents: private notes on the ticket (people as {@link People#inNote}) and the approval message's lines.
 * They name the license by its number or the subscription, never its text or activation code: the portal mails those.
 */
final class Notes {
    private static final String PREFIX = "Resend license: ";
    static final GateWords WORDS = new GateWords(PREFIX,
            " To try again, apply the resend-license macro again or run /lnr resend-license with this ticket's number in Slack.");

    private Notes() {}

    static String waitingForOwnership(boolean started) {
        return PREFIX + (started ? "ownership is not verified on this ticket yet, so an ownership verification was started."
                : "waiting for the ownership verification that runs on this ticket.")
                + " The resend to the requester's own address is planned once it verifies the requester.";
    }

    static String notVerified(String result) {
        return PREFIX + "stopped, the ownership verification ended as \"" + result + "\". Nothing was sent.";
    }

    static String planning(VerifiedOwnership v) {
        return PREFIX + "ownership of " + v.subscriptionName() + " is verified with " + v.proofWords()
                + ". Reading the subscription's licenses to plan the resend to the requester's own address.";
    }

    static String handoff(Handoff why, String detail) {
        String text = switch (why) {
            case NO_REQUESTER_EMAIL -> "the ticket's requester has no email address, so there is no address to send to.";
            case ANOTHER_ADDRESS -> "the request names another address (" + detail + ") than the requester's own. The bot"
                    + " sends a license or activation code only to the requester whose ownership is verified, so nothing"
                    + " was planned. Whoever uses that address can ask from it and verify ownership themselves.";
            case RESELLER_REQUESTER -> detail + ". Nothing was sent: the customer's own contact can ask, and the reseller"
                    + " can confirm their request on their ticket.";
            case NO_PLAN -> "no resend was planned: " + detail + ". Nothing was sent.";
            case APPROVAL_NOT_POSTED -> "the approval request could not be posted. Nothing was sent.";
        };
        return PREFIX + text;
    }

    static String done(String subscription, List<String> approvers, List<String> lines) {
        return WORDS.done(subscription, approvers, lines) + "\nThe portal mailed it; the requester was told in a reply.";
    }
}
