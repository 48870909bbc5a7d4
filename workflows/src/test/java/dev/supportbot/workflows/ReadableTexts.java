package dev.supportbot.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.plan.Preview;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every text an effect shows people (customers, agents in Zendesk, the channel in Slack, the escalation issue), and
 * the check that none of them shows the code's words: an enum-looking name ({@code SOLD_TO_APPROVAL}) or a person's
 * internal id ({@code slack:U123}).
 */
public final class ReadableTexts {
    public static final Pattern ENUM_NAME = Pattern.compile("[A-Z]{3,}_[A-Z_]+");
    public static final String INTERNAL_SLACK_ID = "slack:U";

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

    public static List<String> of(List<Effect> effects) {
        return effects.stream().flatMap(e -> of(e).stream()).toList();
    }

    /** Fails naming the first text that shows an enum name or an internal Slack id. */
    public static void assertWrittenForPeople(List<String> texts) {
        assertThat(texts).allSatisfy(text -> assertThat(text)
                .doesNotContainPattern(ENUM_NAME)
                .doesNotContain(INTERNAL_SLACK_ID));
    }
}
