package dev.supportbot.bot.helpdesk;

import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.GeneratedSecret;
import dev.supportbot.bot.config.Setting;
import dev.supportbot.bot.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;


/**
 * What sandbox mode fills in: the stand-ins' loopback URLs on the bot's own port, and, where they are unset, the
 * credentials the bot and the stand-ins share (generated for this process, so no fixed secret works anywhere), the
 * Slack channel, and the seeded agents and approvers. Settings with a real URL are left alone.
 */
record SandboxSettings(boolean zendesk, boolean slack) {
    static final String SANDBOX = "sandbox";
    static final String ZENDESK_PATH = "/sandbox/zendesk";
    static final String SLACK_PATH = "/sandbox/slack";
    static final String SLACK_API_PATH = SLACK_PATH + "/api/";
    static final String CHANNEL = "C0SBSUPPORT";

    static SandboxSettings of(BotConfig config) {
        return new SandboxSettings(SANDBOX.equals(config.get(Settings.ZENDESK_URL)), SANDBOX.equals(config.get(Settings.SLACK_API_URL)));
    }

    boolean any() {
        return zendesk || slack;
    }

    BotConfig apply(BotConfig config) {
        if (!any()) return config;
        int port = config.get(Settings.PORT) == 0 ? freePort() : config.get(Settings.PORT);
        String base = "http://127.0.0.1:" + port;
        BotConfig out = config.with(Settings.PORT, port);
        if (zendesk) {
            out = out.with(Settings.ZENDESK_URL, base + ZENDESK_PATH);
            out = orElse(out, Settings.ZENDESK_EMAIL, HelpdeskPeople.BOT.email());
            out = orElse(out, Settings.ZENDESK_TOKEN, generated("zd-sandbox-"));
            out = orElse(out, Settings.ZENDESK_WEBHOOK_SECRET, generated("zd-webhook-"));
        }
        if (slack) {
            out = out.with(Settings.SLACK_API_URL, base + SLACK_API_PATH);
            out = orElse(out, Settings.SLACK_BOT_TOKEN, generated("xoxb-sandbox-"));
            out = orElse(out, Settings.SLACK_SIGNING_SECRET, generated(""));
            out = orElse(out, Settings.SLACK_CHANNEL, CHANNEL);
            out = orElse(out, Settings.SLACK_TEAM_ID, SlackInteractions.TEAM);
            if (out.get(Settings.APPROVERS).isEmpty()) {
                out = out.with(Settings.APPROVERS, HelpdeskPeople.slackIds(HelpdeskPeople.Role.APPROVER));
            }
            if (out.get(Settings.SLACK_AGENTS).isEmpty()) {
                out = out.with(Settings.SLACK_AGENTS, HelpdeskPeople.slackIds(HelpdeskPeople.Role.AGENT));
            }
        }
        return out;
    }

    private static <T> BotConfig orElse(BotConfig config, Setting<T> setting, T value) {
        return config.get(setting) == null ? config.with(setting, value) : config;
    }

    private static String generated(String prefix) {
        return GeneratedSecret.of(prefix);
    }

    /**
     * With {@code BOT_PORT=0} the stand-ins' URLs need the port before the server starts: a free one is chosen
     * here (another process could take it in between; the start then fails with the port in use).
     */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port for the sandbox helpdesk", e);
        }
    }

}
