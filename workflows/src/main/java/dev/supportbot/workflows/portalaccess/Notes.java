package dev.supportbot.workflows.portalaccess;

import dev.supportbot.workflows.approved.GateWords;
import dev.supportbot.workflows.engine.People;
import dev.supportbot.workflows.plan.PortalAccessPlanner.Help;
import dev.supportbot.workflows.portalaccess.PortalAccessState.Handoff;
import java.util.List;

/** Texts for agents: private notes on the ticket (people as {@link People#inNote}) and the approval message's lines. */
final class Notes {
    private static final String PREFIX = "Portal access: ";
    static final GateWords WORDS = new GateWords(PREFIX,
            " To try again, apply the portal-access macro again or run /lnr portal-access with this ticket's number in Slack.");

    private Notes() {}

    static String handoff(Handoff why, String detail) {
        String text = switch (why) {
            case NO_REQUESTER_EMAIL -> "the ticket's requester has no email address, so there is no account to help with.";
            case ANOTHER_ADDRESS -> "the request names another address (" + detail + ") than the requester's own. A"
                    + " sign-in link or confirmation goes only to the account's own address, so nothing was planned.";
            case NO_ACCOUNT -> "no Customers Portal account has the requester's address. New accounts are registered with"
                    + " a GitLab.com account; if they have an account under another address, they can ask from it.";
            case NO_PLAN -> "nothing was planned: " + detail + ". See the handbook's login status check.";
            case APPROVAL_NOT_POSTED -> "the approval request could not be posted. Nothing was sent.";
        };
        return PREFIX + text;
    }

    static String selfService(Help help, boolean linked) {
        String what = help == Help.CONFIRMATION ? "the email confirmation" : "a sign-in link";
        return PREFIX + "the requester asked for " + what + ". " + (linked
                ? "Their account is linked to a GitLab.com account, so they were told to sign in with it."
                : "Their account manages no billing account, so they were sent the self-service steps.")
                + " Nothing was changed.";
    }

    static String done(List<String> approvers, List<String> lines) {
        return WORDS.done("the requester's own account", approvers, lines) + "\nThe requester was told in a reply.";
    }
}
