package dev.supportbot.workflows.ownership;

import java.util.regex.Pattern;

/**
 * Reads a reseller's comment (handbook "Associating purchases", ownership verification: "a reseller can vouch for an
 * account ownership change"). Only the reseller's own new text counts (quoted mail is cut off). A refusal wins over
 * everything, then any hedge (a question, a condition, a check still under way); what is left is a vouch only when it
 * says so: the reseller confirms, vouches, approves or authorises, or asks us to proceed. Taking part in the ticket is
 * not a vouch.
 */
final class ResellerReplies {

    enum Reading {
        VOUCH("confirmed the request"),
        REFUSAL("refused to confirm the request"),
        HEDGE("did not confirm the request yet (a question, a condition or a check under way)"),
        NO_VOUCH("did not say that they confirm the request");

        private final String words;

        Reading(String words) {
            this.words = words;
        }

        /** For agents: what the reseller's comment did, e.g. "refused to confirm the request". */
        String words() {
            return words;
        }
    }

    private static final String VERB = "(vouch|vouches|confirm|confirms|verify|approve|authori[sz]e|authori[sz]ed|accept|recogni[sz]e|know)";
    private static final Pattern REFUSAL = Pattern.compile(
            "\\b(cannot|can ?not|can't|cant|could not|couldn't|won't|will not|unable to|do not|don't|dont|does not|doesn't"
                    + "|did not|didn't|are not able to|am not able to|not able to|never|not)\\s+(be\\s+)?" + VERB + "\\b"
                    + "|\\bnever heard\\b|\\bno (record|idea)\\b|\\bnot (one of )?our (customer|client)s?\\b"
                    + "|\\bnot authori[sz]ed\\b|\\bfraud\\w*|\\bdeny\\b|\\bdenied\\b|\\breject(ed)?\\b|\\bdecline[sd]?\\b"
                    + "|\\bdisapprove[sd]?\\b|\\bunknown to us\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEDGE = Pattern.compile(
            "\\?|\\bcheck(ing)?\\b|\\bget back\\b|\\blooking into\\b|\\binvestigat\\w*|\\bwill (confirm|verify|vouch|approve)\\b"
                    + "|\\b(we'll|i'll)\\b|\\bneed to\\b|\\bnot (yet )?(been )?(confirmed|verified|approved)\\b|\\bnot sure\\b"
                    + "|\\bunsure\\b|\\bpending\\b|\\bwaiting\\b|\\bonce\\b|\\buntil\\b|\\blet (me|us)\\b|\\bif\\b|\\bunless\\b"
                    + "|\\bmaybe\\b|\\bperhaps\\b|\\bprobably\\b|\\bmight\\b|\\b(i|we) (think|believe|assume|guess)\\b"
                    + "|\\bas far as\\b|\\bshould be\\b|\\bask(ing)? (the|our|them)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern VOUCH = Pattern.compile(
            "\\b(i|we|and)\\s+(hereby\\s+|can\\s+|do\\s+|also\\s+)?(confirm|vouch|approve|authori[sz]e)\\b"
                    + "|\\b(happy|glad|able) to (confirm|vouch)\\b|\\bvouch(es|ed|ing)? for\\b|\\bconfirmed\\b|\\bapproved\\b"
                    + "|\\b(is|are) authori[sz]ed to\\b|\\bplease (proceed|go ahead)\\b",
            Pattern.CASE_INSENSITIVE);

    private ResellerReplies() {}

    static Reading read(String body) {
        String text = ApprovalReplies.ownText(body);
        if (REFUSAL.matcher(text).find()) return Reading.REFUSAL;
        if (HEDGE.matcher(text).find()) return Reading.HEDGE;
        if (VOUCH.matcher(text).find()) return Reading.VOUCH;
        return Reading.NO_VOUCH;
    }
}
