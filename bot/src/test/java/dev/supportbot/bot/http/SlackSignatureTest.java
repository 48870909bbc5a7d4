package dev.supportbot.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.testing.Signing;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SlackSignatureTest {
    private static final Instant NOW = Instant.ofEpochSecond(1_795_000_000L);
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String BODY = "token=x&team_id=T1&user_id=U1&command=%2Flnr&text=help&trigger_id=1.2.3";
    private final SlackSignature verifier = new SlackSignature(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    private SignatureCheck check(String signature, String timestamp, String body) {
        return verifier.check(signature, timestamp, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void accepts_slacks_documented_example() {
        // The example of Slack's "Verifying requests from Slack" page.
        String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
                + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        SlackSignature v = new SlackSignature(SECRET, Clock.fixed(Instant.ofEpochSecond(1531420618L), ZoneOffset.UTC));
        assertThat(v.check("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", "1531420618",
                body.getBytes(StandardCharsets.UTF_8)).valid()).isTrue();
    }

    @Test
    void accepts_an_independently_computed_signature() {
        String ts = Long.toString(NOW.getEpochSecond() - 10);
        assertThat(check(Signing.slack(SECRET, ts, BODY), ts, BODY).valid()).isTrue();
    }

    @Test
    void refuses_tampered_body_and_wrong_secret() {
        String ts = Long.toString(NOW.getEpochSecond());
        assertThat(check(Signing.slack(SECRET, ts, BODY), ts, BODY + "&x=1").valid()).isFalse();
        assertThat(check(Signing.slack("wrong", ts, BODY), ts, BODY).valid()).isFalse();
    }

    @Test
    void refuses_stale_and_future_timestamps() {
        String stale = Long.toString(NOW.getEpochSecond() - 301);
        String future = Long.toString(NOW.getEpochSecond() + 301);
        assertThat(check(Signing.slack(SECRET, stale, BODY), stale, BODY).reason()).contains("5 minutes");
        assertThat(check(Signing.slack(SECRET, future, BODY), future, BODY).reason()).contains("5 minutes");
    }

    @Test
    void refuses_missing_headers_and_non_numeric_timestamps() {
        String ts = Long.toString(NOW.getEpochSecond());
        assertThat(check(null, ts, BODY).reason()).contains("missing X-Slack-Signature");
        assertThat(check(Signing.slack(SECRET, ts, BODY), null, BODY).reason()).contains("missing X-Slack-Request-Timestamp");
        assertThat(check(Signing.slack(SECRET, ts, BODY), "soon", BODY).reason()).contains("epoch seconds");
    }
}
