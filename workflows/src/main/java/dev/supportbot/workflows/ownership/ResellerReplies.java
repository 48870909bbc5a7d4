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
 *   <li>the change: managing the subscription or account, being its (new) contact, owner or Sold To, the ownership or
 *       contact change, access to the subscription or the portal;</li>
 *   <li>the requester as the one the vouch is for, in one of the shapes below. REQ is their first, last or full name
 *       (written as a name, capitalised; "Ms Customer"), their email address as the ticket knows them, "the requester"
 *       or "this person"; where the table says so, also he/she/they/him/her/them when no one is named before it.
 *       LINK is only linking words (may, can, will, is, as, to, allowed, authorised, has our approval to, take over,
 *       the, ...), nothing else.</li>
 * </ul>
 * <table>
 *   <caption>Where the requester stands</caption>
 *   <tr><td>confirm / vouch for / approve / authorise / make / add / set (that) REQ-or-pronoun LINK change</td>
 *       <td>We confirm that Carol may manage the subscription. We approve Carol as the new contact.</td></tr>
 *   <tr><td>at the sentence's start: REQ-or-pronoun LINK change</td>
 *       <td>Carol is authorised to manage this subscription. She may manage the subscription, we confirm.</td></tr>
 *   <tr><td>confirm ... that / : / , REQ LINK change, with no "said", "told", "asked" ... in between</td>
 *       <td>We are pleased to confirm, on behalf of Partner Co, that Carol may manage the subscription.</td></tr>
 *   <tr><td>confirm / approve the contact change / ownership transfer to REQ</td>
 *       <td>We confirm the ownership transfer to Carol.</td></tr>
 *   <tr><td>the (new) contact / owner / Sold To is / will be / becomes REQ</td>
 *       <td>We confirm: the new contact is Carol.</td></tr>
 * </table>
 * So anyone else standing in that place means no vouch, though the requester is named elsewhere in the sentence ("We
 * confirm that Dave, who replaces Carol, may manage the subscription"), and so does a vouch for two ("Dave and Carol
 * may manage the subscription"): the subscription gets one contact, and an agent reads such a comment. A sentence with
 * a negation in it ("not", "no longer", "instead", ...), with someone else's email address, or whose parts only appear
 * inside quotation marks is no vouch. Taking part in the ticket or confirming something else is not a vouch either.
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
    /** Each mention of the requester in a sentence, once marked (see {@link #withRequesterMarked}). */
    private static final String REQUESTER = "<requester>";
    /** Whom the vouch is for: the requester, or a pronoun when nobody is named elsewhere in the sentence. */
    private static final String WHO = "(?<who>" + REQUESTER + "|(he|she|they|him|her|them)\\b)";
    private static final Pattern REFERENCE = Pattern.compile(
            "\\b(the|this) (ticket )?requester\\b|\\bthis (person|user)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern TITLED = Pattern.compile("\\b(mr|mrs|ms|miss|dr)\\.?\\s+" + REQUESTER, Pattern.CASE_INSENSITIVE);
    /** "Carol Customer (carol@acme.example)", "Carol Customer <carol@acme.example>": one mention. */
    private static final Pattern REPEATED = Pattern.compile(REQUESTER + "(\\s*[(<\\[]" + REQUESTER + "[)>\\]])+");
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
    /** The words that may stand between whom the vouch is for and the change: "may", "is authorised to", "as the". */
    private static final String LINK = "(\\s*\\b(may|can|could|will|shall|should|be|able|is|are|allowed|authori[sz]ed|has|have|our"
            + "|approval|to|as|now|hereby|also|get|given|take|takes|over|the|its|becomes?|manage it)\\b)*\\s*";
    private static final String TRANSFER = "\\s+(the\\s+)?((subscription|account)\\s+)?((contact|owner|ownership|sold[ -]to)"
            + "\\s+(change|transfer|update)|(change|transfer|update)\\s+of\\s+(the\\s+)?(subscription\\s+)?(contact|owner|ownership)"
            + "|ownership)\\s+to\\s+";
    /** Words that make what follows someone else's words: "we confirm that Dave told us that Carol may ...". */
    private static final String REPORTING = "(said|says|told|tells|asked|asks|wrote|writes|claims?|claimed|mentioned|heard|thinks)";
    /** The requester alone, not one of two: "to Carol and Dave" names two. */
    private static final String ALONE = "(?![\\w<])(?!\\s*(\\band\\b|\\bor\\b|\\bas well\\b|&|\\+))";
    /** The change itself, not something of it: "the new contact's assistant" is someone else. */
    private static final String THE_CHANGE = "(" + CHANGE.pattern() + ")(?!')";
    /** The shapes in which the requester is whom the vouch is for; see the class comment. */
    private static final List<Pattern> VOUCH_SHAPES = List.of(
            Pattern.compile("\\b(confirm|confirms|vouch for|vouches for|approve|approves|authori[sz]e|authori[sz]es|make|add|set)"
                    + "\\s+(that\\s+)?" + WHO + LINK + THE_CHANGE, Pattern.CASE_INSENSITIVE),
            Pattern.compile("^\\W*" + WHO + LINK + THE_CHANGE, Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b(confirm|confirms|vouch|vouches|approve|approves|authori[sz]e|authori[sz]es)\\b"
                    + "((?!\\b" + REPORTING + "\\b)[^.;])*?([:,]|\\bthat)\\s*(?<who>" + REQUESTER + ")" + LINK + THE_CHANGE,
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b(confirm|confirms|approve|approves)" + TRANSFER + "(?<who>" + REQUESTER + ")" + ALONE, Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b(the|new)\\s+((new|main|primary|sole)\\s+)?((subscription|billing|account)\\s+)?(contact|owner|sold[ -]to)"
                    + "\\s+(is|will be|becomes)\\s+(?<who>" + REQUESTER + ")" + ALONE, Pattern.CASE_INSENSITIVE));
    /** A capitalised word, as a name is written; see {@link #namesSomeone}. */
    private static final Pattern CAPITALISED = Pattern.compile("(?<![\\p{L}\\p{N}<])\\p{Lu}[\\p{L}'-]*");
    /** Capitalised words that name no person: where the vouch gives access, not to whom. */
    private static final Set<String> PRODUCT_WORDS = Set.of("gitlab", "customers", "customer", "portal", "sold", "to", "bill",
            "zuora", "premium", "ultimate", "saas", "self-managed", "dedicated");
    private static final Set<String> OPENERS = Set.of("we", "i", "and", "also", "so", "yes", "hereby", "sure", "ok", "okay", "great");
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
        if (!AFFIRMATION.matcher(lower).find() || !CHANGE.matcher(lower).find() || NEGATION.matcher(lower).find()
                || namesAnotherAddress(lower, requester)) {
            return false;
        }
        String marked = withRequesterMarked(sentence, requester).strip();
        for (Pattern shape : VOUCH_SHAPES) {
            Matcher m = shape.matcher(marked);
            while (m.find()) {
                if (m.group("who").equals(REQUESTER)) return true;
                if (!namesSomeone(marked.substring(0, m.start("who"))) && !namesAnyone(marked.substring(m.end("who")))) return true;
            }
        }
        return false;
    }

    /**
     * The sentence with each mention of the requester (their email address, a part of their name written as a name,
     * "the requester", "this person") as {@link #REQUESTER}.
     */
    private static String withRequesterMarked(String sentence, Person requester) {
        String text = REFERENCE.matcher(sentence).replaceAll(REQUESTER);
        if (requester != null) {
            String email = requester.email() == null ? "" : requester.email().trim();
            if (!email.isEmpty()) text = word(Pattern.quote(email)).matcher(text).replaceAll(REQUESTER);
            for (String part : nameParts(requester.name())) {
                text = markWrittenAsName(text, part);
            }
        }
        return REPEATED.matcher(TITLED.matcher(text).replaceAll(REQUESTER)).replaceAll(REQUESTER);
    }

    /** A name part only where written as a name (capitalised), so that a surname like "May" is not read in "may". */
    private static String markWrittenAsName(String text, String part) {
        Matcher m = word(Pattern.quote(part)).matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Character.isUpperCase(text.charAt(m.start())) ? REQUESTER : Matcher.quoteReplacement(m.group()));
        }
        return m.appendTail(out).toString();
    }

    /**
     * Whether the text before a pronoun names someone ("Dave called, and we confirm that he may ..."), so that the
     * pronoun may be about them rather than the requester: a capitalised word other than "I" and an opening "We".
     */
    private static boolean namesSomeone(String before) {
        Matcher m = CAPITALISED.matcher(before);
        while (m.find()) {
            boolean opening = before.substring(0, m.start()).isBlank() && OPENERS.contains(m.group().toLowerCase(Locale.ROOT));
            if (!opening && !m.group().equals("I")) return true;
        }
        return false;
    }

    /**
     * Whether the text after a pronoun names anyone, the requester included ("we confirm that she may manage Carol's
     * subscription"): then the pronoun may be someone else, and the sentence is for an agent to read.
     */
    private static boolean namesAnyone(String after) {
        if (after.contains(REQUESTER)) return true;
        Matcher m = CAPITALISED.matcher(after);
        while (m.find()) {
            if (!m.group().equals("I") && !PRODUCT_WORDS.contains(m.group().toLowerCase(Locale.ROOT))) return true;
        }
        return false;
    }

    private static boolean namesAnotherAddress(String lower, Person requester) {
        String own = requester == null || requester.email() == null ? "" : requester.email().trim().toLowerCase(Locale.ROOT);
        Matcher m = EMAIL.matcher(lower);
        while (m.find()) {
            if (!m.group().replaceAll("\\.+$", "").equals(own)) return true;
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
