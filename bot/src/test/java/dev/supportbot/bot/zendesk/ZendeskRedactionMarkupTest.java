package dev.supportbot.bot.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ZendeskRedactionMarkupTest {

    @Test
    void every_occurrence_is_marked_and_everything_else_is_kept() {
        assertThat(RedactionMarkup.mark("<p>abc SECRET1 and SECRET1 &amp; more</p>", List.of("SECRET1")))
                .contains("<p>abc <redact>SECRET1</redact> and <redact>SECRET1</redact> &amp; more</p>");
    }

    @Test
    void the_longer_of_two_overlapping_secrets_wins() {
        assertThat(RedactionMarkup.mark("<p>ABCDEF</p>", List.of("CD", "ABCDEF"))).contains("<p><redact>ABCDEF</redact></p>");
    }

    @Test
    void secret_text_is_matched_as_the_html_escapes_it() {
        assertThat(RedactionMarkup.mark("<p>k&lt;e&gt;y</p>", List.of("k<e>y"))).contains("<p><redact>k&lt;e&gt;y</redact></p>");
    }

    @Test
    void a_line_that_is_not_in_the_html_means_no_markup() {
        assertThat(RedactionMarkup.mark("<p>LINE1<br>LI</p>", List.of("LINE1\nLINE2"))).isEmpty();
        assertThat(RedactionMarkup.mark(null, List.of("LINE1"))).isEmpty();
        assertThat(RedactionMarkup.mark("<p>x</p>", List.of("\n \n"))).isEmpty();
    }
}
