package dev.supportbot.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.ReadableTexts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What people read of a Slack message the bot composes, flattened from its Block Kit (the notification text, headers,
 * sections, fields, context lines, button labels), held to the rules every text of the bot is held to
 * ({@link ReadableTexts}), and its headers to sentence case.
 */
public final class SlackTexts {
    private SlackTexts() {}

    public static List<String> of(SlackMessage message) {
        List<String> texts = new ArrayList<>(List.of(message.text()));
        for (SlackBlock block : message.blocks()) {
            if (block instanceof SlackBlock.Header h) texts.add(h.text());
            if (block instanceof SlackBlock.Section s) texts.add(s.mrkdwn());
            if (block instanceof SlackBlock.Fields f) texts.addAll(f.mrkdwn());
            if (block instanceof SlackBlock.Context c) texts.add(c.mrkdwn());
        }
        message.buttons().forEach(b -> texts.add(b.label()));
        return texts;
    }

    public static List<String> headers(SlackMessage message) {
        return message.blocks().stream().filter(SlackBlock.Header.class::isInstance).map(b -> ((SlackBlock.Header) b).text()).toList();
    }

    /**
     * Every text of {@code message} written for people, every header in sentence case; {@code names}: the people and
     * companies the message may name with capitals.
     */
    public static void assertWrittenForPeople(SlackMessage message, Collection<String> names) {
        assertThat(message.text()).isNotBlank();
        ReadableTexts.assertWrittenForPeople(of(message));
        headers(message).forEach(h -> ReadableTexts.assertSentenceCase(h, names));
        message.buttons().forEach(b -> ReadableTexts.assertSentenceCase(b.label(), names));
    }
}
