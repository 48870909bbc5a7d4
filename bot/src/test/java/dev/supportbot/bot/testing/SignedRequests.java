package dev.supportbot.bot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.SupportBot;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What Zendesk and Slack send the bot under test, signed at the bot's own clock (the bot checks the signatures'
 * timestamps against it): ticket webhooks, button clicks, the reason modal's submission and {@code /lnr} commands.
 * Slack's answers to the interactions go to response URLs on the {@link SlackStandIn}.
 */
public final class SignedRequests {
    private static final AtomicInteger DELIVERY = new AtomicInteger();

    private final SupportBot bot;
    private final Clock clock;
    private final SlackStandIn slack;

    public SignedRequests(SupportBot bot, Clock clock, SlackStandIn slack) {
        this.bot = bot;
        this.clock = clock;
        this.slack = slack;
    }

    /** A {@code ticket.updated} webhook of {@code ticketId} by {@code actorEmail} (none when null), which the bot takes. */
    public void webhook(long ticketId, String actorEmail) throws Exception {
        String body = "{\"ticket_id\":" + ticketId + ",\"event\":\"ticket.updated\",\"delivery_id\":\"e2e-" + DELIVERY.incrementAndGet()
                + "\"" + (actorEmail == null ? "" : ",\"actor_email\":\"" + actorEmail + "\"") + "}";
        assertThat(StandIns.zendeskWebhook(bot, clock.instant(), body)).isEqualTo(200);
    }

    /** {@code user} clicks the button {@code actionId} of value {@code value}; the answer goes to a response URL of theirs. */
    public int click(String user, String actionId, String value) throws Exception {
        return click(user, actionId, value, SlackStandIn.responsePath(user));
    }

    /** The same, with the answer to the response URL at {@code responsePath}. */
    public int click(String user, String actionId, String value, String responsePath) throws Exception {
        return StandIns.slackClick(bot, clock.instant(), user, actionId, value, slack.url(responsePath), "tr-" + System.nanoTime());
    }

    /** Submits the reason modal the bot opened (views.open answers V1), once the bot has recorded it as opened. */
    public int submitReason(String user, String approval, String reason) throws Exception {
        Await.until("the modal recorded as opened", Duration.ofSeconds(30), () -> bot.database().jdbi().withHandle(h ->
                h.createQuery("SELECT COUNT(*) FROM slack_view WHERE view_id = 'V1'").mapTo(Long.class).one()) == 1);
        String payload = "{\"type\":\"view_submission\",\"team\":{\"id\":\"" + TestBots.SLACK_TEAM + "\"},\"user\":{\"id\":\"" + user + "\"},"
                + "\"view\":{\"id\":\"V1\",\"type\":\"modal\",\"callback_id\":\"approval_reject\","
                + "\"private_metadata\":\"" + approval + "\",\"state\":{\"values\":{\"input\":{\"input\":"
                + "{\"type\":\"plain_text_input\",\"value\":\"" + reason + "\"}}}}}}";
        return StandIns.slackForm(bot, clock.instant(), "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8));
    }

    /** {@code /lnr text} from {@code user} in the bot's channel, answered at the response URL {@code responsePath}. */
    public int lnr(String user, String text, String responsePath) throws Exception {
        return StandIns.slackForm(bot, clock.instant(), "token=verif&team_id=" + TestBots.SLACK_TEAM + "&channel_id="
                + SlackStandIn.CHANNEL + "&user_id=" + user + "&user_name=someone&command=%2Flnr&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&response_url=" + URLEncoder.encode(slack.url(responsePath), StandardCharsets.UTF_8)
                + "&trigger_id=tr-" + System.nanoTime());
    }
}
