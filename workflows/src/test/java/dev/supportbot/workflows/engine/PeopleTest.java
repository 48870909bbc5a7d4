package dev.supportbot.workflows.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeopleTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "slack:U0SBAPPRV1 Alex Morgan | Alex Morgan         | <@U0SBAPPRV1>",
            "slack:U0SBAPPRV1             | a Slack user        | <@U0SBAPPRV1>",
            "slack:UANN UANN              | a Slack user        | <@UANN>",
            "email:jordan@vendor.example  | jordan@vendor.example | jordan@vendor.example",
            "email:jordan@vendor.example Jordan Kim | Jordan Kim | Jordan Kim",
            "Jordan Kim                   | Jordan Kim          | Jordan Kim",
            "slack:not an id              | slack:not an id     | slack:not an id"})
    void names_people_for_notes_and_for_slack(String who, String inNote, String inSlack) {
        assertThat(People.inNote(who)).isEqualTo(inNote);
        assertThat(People.inSlack(who)).isEqualTo(inSlack);
    }
}
