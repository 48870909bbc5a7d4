package dev.supportbot.workflows.ownership;

import dev.supportbot.workflows.engine.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a reseller's comment (docs/handbook.md, "Ownership verification", the reseller's vouch). Only the reseller's
 * own new text counts (quoted mail is cut off). A refusal wins over everything, then any hedge (a question, a
 * condition, a check still under way). What is left is a vouch only when one sentence holds all three of:
 * <ul>
 *   <li>the reseller's own affirmation, in the first person ("we confirm", "I vouch for", "we approve", "we
 *       authorise") or "is/are authorised to";</li>
 *   <li>the requester: their first, last or full name (written as a name, capitalised) or their email address as
 *       the ticket knows them, or "the requester", "this person", or a pronoun the affirmation is about ("we vouch
 *       for her", "she is authorised to");</li>
 *   <li>the change: managing the subscription or account, being its (new) contact, owner or Sold To, the ownership or
 *       contact change, access to the subscription or the portal.</li>
 * </ul>
 * A sentence with a negation in it ("not", "no longer", ...), with someone else's email address, or whose parts only
 * appear inside quotation marks is no vouch. Taking part in the ticket, confirming something else, or vouching for someone else is not a vouch.
 */
final class ResellerReplies {

    enum Reading {
        VOUCH("confirmed that the requester may manage the subscription"),
        REFUSAL("refused to confirm the request"),
        HEDGE("did not confirm the request yet (a question, a condition or a check under way)"),
        NO_VOUCH("did not confirm, in its own words, that the requester may manage the subscription");

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
                    + "|\\bdisapprove[sd]?\\b|\\bunknown to us\\b|\\b(is|are) (completely |entirely )?unknown\\b"
                    + "|\\b(confirm|vouch for|approve|verify) nothing\\b|\\bnot involved\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEDGE = Pattern.compile(
            "\\?|\\bcheck(ing)?\\b|\\bget back\\b|\\blooking into\\b|\\binvestigat\\w*|\\bwill (confirm|verify|vouch|approve)\\b"
                    + "|\\b(we'll|i'll)\\b|\\bneed to\\b|\\bnot (yet )?(been )?(confirmed|verified|approved)\\b|\\bnot sure\\b"
                    + "|\\bunsure\\b|\\bpending\\b|\\bwaiting\\b|\\bonce\\b|\\buntil\\b|\\blet (me|us)\\b|\\bif\\b|\\bunless\\b"
                    + "|\\bmaybe\\b|\\bperhaps\\b|\\bprobably\\b|\\bmight\\b|\\b(i|we) (think|believe|assume|guess)\\b"
                    + "|\\bas far as\\b|\\bshould be\\b|\\bask(ing)? (the|our|them)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A closing courtesy ("let us know if you have any questions") is neither a condition nor a question. */
    private static final Pattern COURTESY = Pattern.compile(
            "(please\\s+)?(let (me|us) know|(feel free|do not hesitate|don't hesitate) to (contact|reach out to|ask) (me|us))"
                    + "\\s+if you (have|need) (any\\s+)?((further|other|more)\\s+)?(questions?|help|information|assistance|anything( else)?)",
            Pattern.CASE_INSENSITIVE);

    /** A polite request ("could you please make Carol the new contact?") asks us to act; its question mark is no doubt. */
    private static final Pattern REQUEST_QUESTION = Pattern.compile(
            "(\\b(can|could|would|will) you (please |kindly )?(make|add|set|change|update|transfer|move|assign|process"
                    + "|proceed|go ahead|help)\\b[^?.!]*)\\?",
            Pattern.CASE_INSENSITIVE);

    private static final String AFFIRMING_VERB = "(confirm|vouch|approve|authori[sz]e)\\b";
    private static final Pattern AFFIRMATION = Pattern.compile(
            "\\b(i|we)\\s+((hereby|herewith|can|do|also|hence|therefore|gladly|fully|now|would like to|want to|wish to"
                    + "|(are|am) (happy|glad|pleased|able) to)\\s+)*" + AFFIRMING_VERB
                    + "|\\b(i|we)\\b[^.;]*?\\band\\s+(hereby\\s+)?" + AFFIRMING_VERB
                    + "|\\b(is|are)\\s+(hereby\\s+|fully\\s+)?authori[sz]ed to\\b");
    /** "The requester" anywhere; a pronoun only as what the affirmation is about ("we vouch for her"). */
    private static final Pattern REFERENCE = Pattern.compile(
            "\\b(the|this) (ticket )?requester\\b|\\bthis (person|user)\\b"
                    + "|\\b" + AFFIRMING_VERB + "(\\s+for)?\\s+(that\\s+)?(he|she|they|him|her|them)\\b"
                    + "|^\\W*(he|she|they)\\s+(is|are)\\s+(hereby\\s+|fully\\s+)?authori[sz]ed to\\b");
    private static final Pattern EMAIL = Pattern.compile("[\\w.%+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern CHANGE = Pattern.compile(
            "\\b(manag(e|es|ing)|administer(s|ing)?)\\b[^.;]{0,40}?\\b(subscriptions?|accounts?|licen[cs]es?)\\b"
                    + "|\\b(the|a|our|their|its|new|as|be|become|becomes|becoming|is|are)\\s+"
                    + "((new|main|primary|right|correct|sole)\\s+)?((subscription|billing|account|management|portal)\\s+)?"
                    + "(contacts?|owners?|sold[ -]to)\\b"
                    + "|\\bownership\\b"
                    + "|\\b(contact|owner|sold[ -]to)\\s+(change|transfer|update)"
                    + "|\\b(change|transfer|update)\\s+(of\\s+)?(the\\s+)?(subscription\\s+)?(contact|owner)"
                    + "|\\baccess\\s+to\\s+(the\\s+|this\\s+|their\\s+|its\\s+|our customer's\\s+)?"
                    + "(gitlab\\s+)?(subscription|customers portal|portal|account)");
    private static final Pattern NEGATION = Pattern.compile(
            "\\b(not|no|never|nobody|neither|nor|none|nothing|except|instead|without)\\b|n't\\b");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|“[^”]*”");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!;])\\s+|\\R+");
    /** A line break inside a sentence, as mail programs wrap long lines. */
    private static final Pattern WRAPPED = Pattern.compile("(?<=[\\p{L}\\p{N}])[ \\t]*\\R[ \\t]*(?=\\p{Ll})");
    /** Whom a greeting or a thank-you addresses is not whom the sentence vouches for: "Hi Carol, we confirm that Dave ...". */
    private static final Pattern GREETING = Pattern.compile(
            "^\\W*(hi|hello|hey|dear|good (morning|afternoon|evening))\\b[^,:;.!\\n]{0,60}[,:!]", Pattern.CASE_INSENSITIVE);
    private static final Pattern THANKS = Pattern.compile(
            "[,;]?\\s*\\b(many thanks|thanks|thank you|regards|best regards|kind regards|cheers)\\b[^,.;!?\\n]{0,40}[.!]?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "dr");

    private ResellerReplies() {}

    /**
     * What the reseller's comment says about {@code requester} (the requester of the ticket, as the ticket knows them;
     * null when unknown, so only "the requester" and the like can name them).
     */
    static Reading read(String body, Person requester) {
        Optional<Reading> doubt = refusalOrHedge(body);
        if (doubt.isPresent()) return doubt.get();
        String text = WRAPPED.matcher(plain(ApprovalReplies.ownTextAsWritten(body))).replaceAll(" ");
        for (String sentence : SENTENCE_END.split(text)) {
            String own = QUOTED.matcher(sentence).replaceAll(" ");
            own = THANKS.matcher(GREETING.matcher(own).replaceAll(" ")).replaceAll(" ");
            if (vouches(own, requester)) return Reading.VOUCH;
        }
        return Reading.NO_VOUCH;
    }

    /** REFUSAL or HEDGE when the reseller's own text reads as one, else empty. */
    static Optional<Reading> refusalOrHedge(String body) {
        String text = COURTESY.matcher(plain(ApprovalReplies.ownText(body))).replaceAll(" ");
        text = REQUEST_QUESTION.matcher(text).replaceAll("$1.");
        if (REFUSAL.matcher(text).find()) return Optional.of(Reading.REFUSAL);
        if (HEDGE.matcher(text).find()) return Optional.of(Reading.HEDGE);
        return Optional.empty();
    }

    private static boolean vouches(String sentence, Person requester) {
        String lower = sentence.toLowerCase(Locale.ROOT);
        return AFFIRMATION.matcher(lower).find() && CHANGE.matcher(lower).find() && !NEGATION.matcher(lower).find()
                && !namesAnotherAddress(lower, requester)
                && (REFERENCE.matcher(lower.strip()).find() || names(sentence, requester));
    }

    private static boolean namesAnotherAddress(String lower, Person requester) {
        String own = requester == null || requester.email() == null ? "" : requester.email().trim().toLowerCase(Locale.ROOT);
        Matcher m = EMAIL.matcher(lower);
        while (m.find()) {
            if (!m.group().replaceAll("\\.+$", "").equals(own)) return true;
        }
        return false;
    }

    /** Whether the sentence names the requester: their email address, or a part of their name written as a name. */
    private static boolean names(String sentence, Person requester) {
        if (requester == null) return false;
        String email = requester.email() == null ? "" : requester.email().trim();
        if (!email.isEmpty() && word(Pattern.quote(email)).matcher(sentence).find()) return true;
        for (String part : nameParts(requester.name())) {
            Matcher m = word(Pattern.quote(part)).matcher(sentence);
            // written as a name (capitalised), so that a surname like "Customer" or "May" is not read in ordinary words
            while (m.find()) {
                if (Character.isUpperCase(sentence.charAt(m.start()))) return true;
            }
        }
        return false;
    }

    /** The full name and each of its words of two letters or more, titles aside. */
    private static List<String> nameParts(String name) {
        List<String> parts = new ArrayList<>();
        if (name == null || name.isBlank()) return parts;
        String full = name.trim().replaceAll("\\s+", " ");
        parts.add(full);
        for (String w : full.split("[\\s,]+")) {
            String part = w.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
            if (part.length() >= 2 && !TITLES.contains(part.toLowerCase(Locale.ROOT)) && !parts.contains(part)) parts.add(part);
        }
        return parts;
    }

    private static Pattern word(String quoted) {
        return Pattern.compile("(?<![\\p{L}\\p{N}@.])" + quoted + "(?![\\p{L}\\p{N}@])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Typographic apostrophes as plain ones, and the contractions the patterns read spelled out. */
    private static String plain(String text) {
        return text.replace('’', '\'').replace('‘', '\'')
                .replaceAll("(?i)\\b(we|i)'re\\b", "$1 are").replaceAll("(?i)\\bi'm\\b", "I am")
                .replaceAll("(?i)\\b(we|i)'d like\\b", "$1 would like");
    }
}
