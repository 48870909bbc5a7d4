package dev.supportbot.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.plan.Preview;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every text an effect shows people (customers, agents in Zendesk, the channel in Slack, the escalation issue), and
 * the check that each is written for its reader: no enum-looking name ({@code SOLD_TO_APPROVAL}), no person's internal
 * id ({@code slack:U123}, {@code email:a@b}), no unfilled placeholder ({@code TICKET}), dates in the one format
 * ("10 December 2026, 10:51 UTC"); and every public comment in plain text (no backticks) with the one sign-off.
 * The bot's tests hold its own Slack texts (approval messages, lookups, shadow posts, {@code /lnr} answers) to the
 * same rules through this module's test jar; Slack headers are in sentence case ({@link #assertSentenceCase}).
 */
public final class ReadableTexts {
    public static final Pattern ENUM_NAME = Pattern.compile("[A-Z]{3,}_[A-Z_]+");
    public static final String INTERNAL_SLACK_ID = "slack:U";
    public static final Pattern INTERNAL_ID = Pattern.compile("\\b(?:slack|email):\\S");
    /** A comment named by its Zendesk id ("comment 1000047") rather than in words. */
    public static final Pattern COMMENT_ID = Pattern.compile("(?i)\\bcomment #?\\d+");
    /** A placeholder left unfilled: a macro's word, a template's {@code {{...}}} or {@code ${...}}, a Java null. */
    public static final Pattern PLACEHOLDER =
            Pattern.compile("\\b(?:TICKET|EMAIL|WRONG_EMAIL)\\b|\\{\\{[^}]*}}|\\$\\{[^}]*}|\\bnull\\b");
    /**
     * A Slack user id standing for a person ("approved by U0SBAPPRV1"). Slack's own mention {@code <@U0SBAPPRV1>},
     * which Slack shows as the person's name, is allowed.
     */
    public static final Pattern RAW_SLACK_USER = Pattern.compile("(?<!<@)\\b[UW](?=[A-Z0-9]*\\d)[A-Z0-9]{8,}\\b");
    /** A time as a machine writes it ({@code 10:51:00Z}, {@code T10:51}), or a duration ({@code PT30S}). */
    public static final Pattern MACHINE_TIME = Pattern.compile("\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?Z\\b|\\dT\\d{2}:\\d{2}|\\bPT\\d");
    /** Dates in other formats than "10 December 2026, 10:51 UTC": ISO, numeric, month first. */
    public static final Pattern OTHER_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b"
            + "|\\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \\d{1,2}, \\d{4}");
    public static final String SIGN_OFF = "\n\nBest regards,\nLicensing & Renewals Support";

    private ReadableTexts() {}

    /** The texts of one effect that a person reads; none for effects people do not read (tags, reminders...). */
    public static List<String> of(Effect effect) {
        List<String> texts = new ArrayList<>();
        if (effect instanceof Effect.PublicComment c) texts.add(c.body());
        if (effect instanceof Effect.PrivateNote n) texts.add(n.body());
        if (effect instanceof Effect.SlackMessage m) {
            texts.add(m.text());
            if (m.title() != null) texts.add(m.title());
            m.fields().forEach(f -> texts.add(f.label() + ": " + f.value()));
            m.buttons().forEach(b -> texts.add(b.label()));
        }
        if (effect instanceof Effect.OpenSeparateTicket t) {
            texts.add(t.subject());
            texts.add(t.body());
        }
        if (effect instanceof Effect.OpenEscalationIssue i) {
            texts.add(i.title());
            texts.add(i.description());
        }
        if (effect instanceof Effect.UpdateLinkedTicket u && u.publicComment() != null) texts.add(u.publicComment());
        if (effect instanceof Effect.UpdateApproval u) texts.addAll(u.lines());
        if (effect instanceof Effect.RequestApproval r) {
            texts.add(r.plan().purpose());
            r.plan().evidence().forEach(e -> texts.add(e.kind() + ": " + e.summary()));
            r.plan().preview().steps().stream().map(Preview.Step::description).forEach(texts::add);
        }
        return texts;
    }

    /** The texts customers and their contacts read in Zendesk: public comments, on this ticket or another. */
    public static List<String> publicOf(List<Effect> effects) {
        List<String> texts = new ArrayList<>();
        for (Effect effect : effects) {
            if (effect instanceof Effect.PublicComment c) texts.add(c.body());
            if (effect instanceof Effect.UpdateLinkedTicket u && u.publicComment() != null) texts.add(u.publicComment());
            if (effect instanceof Effect.OpenSeparateTicket t) texts.add(t.body());
        }
        return texts;
    }

    public static List<String> of(List<Effect> effects) {
        return effects.stream().flatMap(e -> of(e).stream()).toList();
    }

    /** A {@code /lnr} usage line: the command, its words, and its syntax in capitals ({@code TICKET}, {@code [--page N]}). */
    private static final Pattern USAGE_LINE = Pattern.compile("/lnr(?: (?:[A-Z_|]+|\\[[^\\]]*]|[a-z][a-z0-9-]*))*");

    /**
     * {@code text} without its {@code /lnr} usage lines, for an answer that teaches a command's syntax ({@code /lnr help},
     * a bad argument's usage): there {@code TICKET} stands for any ticket. Nowhere else is it left unfilled.
     */
    public static String withoutUsageLines(String text) {
        return USAGE_LINE.matcher(text).replaceAll("/lnr …");
    }

    /**
     * Words that keep their capital inside a Slack header: proper nouns and the handbook's terms. People's names are
     * given by the caller ({@link #assertSentenceCase(String, Collection)}).
     */
    public static final Set<String> PROPER_NOUNS = Set.of("Slack", "Zendesk", "GitLab", "Sold", "Bill", "To", "UTC",
            "Customers", "Portal", "Legal", "Compliance", "Billing", "Support", "Licensing", "Renewals", "L&R", "SaaS",
            "Premium", "Ultimate", "Starter", "CustomersDot", "Zuora", "Salesforce", "I");

    /** Fails naming the first text that breaks a rule; {@link #publicOf} of the same effects is checked as well. */
    public static void assertWrittenForPeople(List<String> texts) {
        assertThat(texts).allSatisfy(text -> assertThat(text)
                .doesNotContainPattern(ENUM_NAME)
                .doesNotContainPattern(INTERNAL_ID)
                .doesNotContainPattern(RAW_SLACK_USER)
                .doesNotContainPattern(PLACEHOLDER)
                .doesNotContainPattern(COMMENT_ID)
                .doesNotContainPattern(OTHER_DATE)
                .doesNotContainPattern(MACHINE_TIME));
    }

    /**
     * A Slack header in sentence case: it starts with a capital (or a number), every later word lower case unless it is one of
     * {@link #PROPER_NOUNS}, one of {@code names} (people, companies), a number or reference ({@code #10001},
     * {@code INV-1001-A}), or quoted (what someone typed, e.g. a lookup's query).
     */
    public static void assertSentenceCase(String header, Collection<String> names) {
        Set<String> allowed = new HashSet<>(PROPER_NOUNS);
        names.forEach(n -> allowed.addAll(List.of(n.split("\\s+"))));
        String unquoted = header.replaceAll("\"[^\"]*\"", "\"\"");
        Matcher first = Pattern.compile("[\\p{L}\\p{N}#]").matcher(unquoted);
        assertThat(first.find() && !Character.isLowerCase(unquoted.charAt(first.start())))
                .as("header \"%s\" starts with a capital letter or a number", header).isTrue();
        String[] words = unquoted.substring(first.start()).split("[\\s:,;.()·/…]+");
        for (int i = 1; i < words.length; i++) {
            String word = words[i].replaceAll("^[\"'*_]+|[\"'*_?!]+$", "");
            boolean capitalised = !word.isEmpty() && !word.equals(word.toLowerCase(Locale.ROOT));
            boolean reference = word.startsWith("#") || word.matches(".*\\d.*");
            assertThat(!capitalised || reference || allowed.contains(word))
                    .as("header \"%s\" is in sentence case, but has \"%s\"", header, word).isTrue();
        }
    }

    /** Every text of {@code effects} written for people, and every public comment plain and signed off once. */
    public static void assertWrittenForPeopleIn(List<Effect> effects) {
        assertWrittenForPeople(of(effects));
        effects.stream().filter(Effect.SlackMessage.class::isInstance).map(e -> ((Effect.SlackMessage) e).title())
                .filter(Objects::nonNull).forEach(title -> assertSentenceCase(title, List.of()));
        assertThat(publicOf(effects)).allSatisfy(text -> assertThat(text)
                .doesNotContain("`")
                .endsWith(SIGN_OFF)
                .satisfies(t -> assertThat(t.split("Best regards,", -1)).hasSize(2))
                .doesNotContain("GitLab Support\n").doesNotContain("L&R Support"));
    }
}
