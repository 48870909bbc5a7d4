package dev.supportbot.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Slack's mrkdwn to HTML as Slack shows it, everything not formatted escaped. */
class SlackMrkdwnTest {
    private final SlackMrkdwn mrkdwn = new SlackMrkdwn(Map.of("U0SBAPPRV1", "Alex Morgan", "S0SBAPPROVERS", "approvers")::get);

    @Test
    void bold_italics_strike_and_code_are_formatted() {
        assertThat(mrkdwn.html("*Ticket* _soon_ ~old~ `sudo gitlab-rails runner`"))
                .isEqualTo("<strong>Ticket</strong> <em>soon</em> <del>old</del> <code>sudo gitlab-rails runner</code>");
        assertThat(mrkdwn.html("```\nline *one*\nline two```")).isEqualTo("<pre class=\"code\">line *one*\nline two</pre>");
    }

    @Test
    void marks_inside_words_and_spaced_marks_stay_as_typed() {
        assertThat(mrkdwn.html("supportbot_ov_verified 2 * 3 * 4 a*b*c")).isEqualTo("supportbot_ov_verified 2 * 3 * 4 a*b*c");
    }

    @Test
    void links_show_their_label_and_mentions_the_persons_name() {
        assertThat(mrkdwn.html("*Ticket:* <http://127.0.0.1:8080/sandbox/zendesk/agent/tickets/10001|#10001> by <@U0SBAPPRV1>"))
                .isEqualTo("<strong>Ticket:</strong> <a href=\"http://127.0.0.1:8080/sandbox/zendesk/agent/tickets/10001\">#10001</a>"
                        + " by <span class=\"mention\">@Alex Morgan</span>");
        assertThat(mrkdwn.html("<https://example.com/a?b=1&amp;c=2>"))
                .isEqualTo("<a href=\"https://example.com/a?b=1&amp;c=2\">https://example.com/a?b=1&amp;c=2</a>");
        assertThat(mrkdwn.html("<!subteam^S0SBAPPROVERS> and <@UNKNOWN1>"))
                .isEqualTo("<span class=\"mention\">@approvers</span> and <span class=\"mention\">@UNKNOWN1</span>");
    }

    @Test
    void dates_are_shown_in_utc_with_the_format_asked_for() {
        assertThat(mrkdwn.html("expires <!date^1796898660^{date_long} at {time}|10 December 2026>"))
                .isEqualTo("expires <time datetime=\"2026-12-10T10:31:00Z\">Thursday, December 10, 2026 at 10:31 UTC</time>");
    }

    @Test
    void everything_else_is_escaped_and_no_scheme_but_web_and_mail_becomes_a_link() {
        assertThat(mrkdwn.html("<script>alert(1)</script> \"x\" &lt;b&gt; <javascript:alert(1)|click>"))
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; &quot;x&quot; &lt;b&gt; &lt;javascript:alert(1)|click&gt;");
        assertThat(mrkdwn.html("*<http://x.example/\"onmouseover=\"a|label*>*")).doesNotContain("\"onmouseover");
        assertThat(SlackMrkdwn.plain("*not bold* <b>")).isEqualTo("*not bold* &lt;b&gt;");
        assertThat(mrkdwn.html("&gt; quoted\nnot")).isEqualTo("<blockquote>quoted</blockquote>\nnot");
        assertThat(mrkdwn.html(":warning: refused at 10:30:00 `:x:`")).isEqualTo("\u26A0\uFE0F refused at 10:30:00 <code>:x:</code>");
    }
}
