package dev.supportbot.workflows.typofix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.ReadableTexts;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every text of the typo fix's runs in {@link PrivacyAndSecretsTest} (an approver known by their Slack id) is written
 * for people: no enum names, no {@code slack:U...} ids.
 */
class ReadableTextsTest {

    @Test
    void no_text_shows_an_enum_name_or_an_internal_slack_id() {
        List<String> texts = PrivacyAndSecretsTest.runs().stream().flatMap(f -> ReadableTexts.of(f.allEffects).stream()).toList();

        assertThat(texts).anySatisfy(t -> assertThat(t).contains("approved by a Slack user"));
        ReadableTexts.assertWrittenForPeopleIn(PrivacyAndSecretsTest.runs().stream().flatMap(f -> f.allEffects.stream()).toList());
    }
}
