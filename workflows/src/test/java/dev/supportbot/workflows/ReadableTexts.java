package dev.supportbot.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.plan.Preview;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every text an effect shows people (customers, agents in Zendesk, the channel in Slack, the escalation issue), and
 * the check that each is written for its reader: no enum-looking name ({@code SOLD_TO_APPROVAL}), no person's internal
 * id ({@code slack:U123}, {@code email:a@b}), no unfilled placeholder ({@code TICKET}), dates in the one format
 * ("10 December 2026, 10:51 UTC"); and every public comment in plain text (no backticks) with the one sign-off.
 */
public final class ReadableTexts {
    public static final Pattern ENUM_NAME = Pattern.compile("[A-Z]{3,}_[A-Z_]+");
    public static final String INTERNAL_SLACK_ID = "slack:U";
    public static final Pattern INTERNAL_ID = Pattern.compile("\\b(?:slack|email):\\S");
    /** A comment named by its Zendesk id ("comment 1000047") rather than in words. */
    public static final Pattern COMMENT_ID = Pattern.compile("(?i)\\bcomment #?\\d+");
    public static final Pattern PLACEHOLDER = Pattern.compile("\\b(?:TICKET|EMAIL|WRONG_EMAIL)\\b");
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

    /** Fails naming the first text that breaks a rule; {@link #publicOf} of the same effects is checked as well. */
    public static void assertWrittenForPeople(List<String> texts) {
        assertThat(texts).allSatisfy(text -> assertThat(text)
                .doesNotContainPattern(ENUM_NAME)
                .doesNotContainPattern(INTERNAL_ID)
                .doesNotContainPattern(PLACEHOLDER)
                .doesNotContainPattern(COMMENT_ID)
                .doesNotContainPattern(OTHER_DATE));
    }

    /** Every text of {@code effects} written for people, and every public comment plain and signed off once. */
    public static void assertWrittenForPeopleIn(List<Effect> effects) {
        assertWrittenForPeople(of(effects));
        assertThat(publicOf(effects)).allSatisfy(text -> assertThat(text)
                .doesNotContain("`")
                .endsWith(SIGN_OFF)
                .satisfies(t -> assertThat(t.split("Best regards,", -1)).hasSize(2))
                .doesNotContain("GitLab Support\n").doesNotContain("L&R Support"));
    }
}
