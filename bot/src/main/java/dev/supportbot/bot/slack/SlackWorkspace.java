package dev.supportbot.bot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import dev.supportbot.bot.config.BackEnds;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.Settings;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's own Slack workspace, and its app when {@code BOT_SLACK_APP_ID} is set. A Slack app installed in several
 * workspaces signs the requests of all of them with one secret, so a signature alone does not say a click came from
 * the bot's workspace: requests naming another team (or app) are refused. The workspace is {@code BOT_SLACK_TEAM_ID},
 * else Slack's answer to {@code auth.test} for the bot token, asked once, at the first request.
 */
public final class SlackWorkspace {
    private static final Logger log = LoggerFactory.getLogger(SlackWorkspace.class);

    /** Slack could not be asked which workspace the bot token belongs to; the request may be sent again. */
    public static final class Unknown extends RuntimeException {
        Unknown(String message) {
            super(message);
        }
    }

    private final Supplier<String> lookup;
    private final String appId;
    private volatile String teamId;

    /** {@code lookup} names the bot's team (null: not known, and then no request is checked for it). */
    SlackWorkspace(Supplier<String> lookup, String appId) {
        this.lookup = lookup;
        this.appId = appId;
    }

    public static SlackWorkspace fromConfig(BotConfig config) {
        String configured = config.get(Settings.SLACK_TEAM_ID);
        String apiUrl = config.get(Settings.SLACK_API_URL);
        String token = config.get(Settings.SLACK_BOT_TOKEN);
        Supplier<String> lookup = configured != null ? () -> configured
                : apiUrl != null && !BackEnds.SANDBOX.equals(apiUrl) && token != null ? () -> authTest(apiUrl, token) : null;
        if (lookup == null) {
            log.warn("the bot's Slack workspace is unknown (neither BOT_SLACK_TEAM_ID nor a Slack API and token to ask): "
                    + "Slack requests are not checked for it");
        }
        return new SlackWorkspace(lookup, config.get(Settings.SLACK_APP_ID));
    }

    /**
     * Why a request naming {@code team} and {@code app} is not the bot's; empty when it is.
     *
     * @throws Unknown when the workspace has to be asked of Slack and Slack does not answer
     */
    public Optional<String> refusal(String team, String app) {
        if (appId != null && !appId.equals(app)) return Optional.of("the request is for another Slack app");
        String own = own();
        if (own != null && !own.equals(team)) return Optional.of("the request comes from another Slack workspace");
        return Optional.empty();
    }

    private String own() {
        if (lookup == null) return null;
        String known = teamId;
        if (known != null) return known;
        synchronized (this) {
            if (teamId == null) teamId = Objects.requireNonNull(lookup.get());
            return teamId;
        }
    }

    private static String authTest(String apiUrl, String token) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
        try {
            AuthTestResponse answer = Slack.getInstance(config).methods(token).authTest(r -> r);
            if (!answer.isOk() || answer.getTeamId() == null) {
                throw new Unknown("Slack's auth.test did not name the bot's workspace (" + answer.getError() + ")");
            }
            log.info("the bot's Slack workspace is {} (auth.test)", answer.getTeamId());
            return answer.getTeamId();
        } catch (IOException | SlackApiException e) {
            throw new Unknown("Slack's auth.test failed: " + e.getClass().getSimpleName());
        }
    }
}
