package dev.supportbot.workflows.replies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.replies.YesNo.Answer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YesNoTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "yes | YES",
            "Yes, please go ahead. | YES",
            "OK | YES",
            "Sure, that's fine | YES",
            "I agree | YES",
            "no | NO",
            "No thanks | NO",
            "Please keep things as they are | NO",
            "I don't want that | NO",
            "Yes but no | UNCLEAR",
            "What does that mean? | UNCLEAR",
            "'' | UNCLEAR",
            "Yes\\n\\nOn Mon 1 Dec 2026 Support wrote:\\n> or reply no to keep things as they are | YES",
            "nobody told me about this | UNCLEAR",
            "yesterday I asked | UNCLEAR"
    })
    void reads_the_answer_plainly(String reply, Answer expected) {
        assertThat(YesNo.read(reply.replace("\\n", "\n"))).isEqualTo(expected);
    }
}
