package dev.supportbot.bot.helpdesk;

import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.testing.TestBots;
import dev.supportbot.bot.testing.VendorContracts;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;

/**
 * The far side of the bot's Slack notifier, either MockServer answering as Slack does and recording what arrived, or
 * the sandbox Slack in a running bot: the same notifier tests run against both.
 */
interface SlackFarSide extends AutoCloseable {

    /** A message as the far side holds it now: its channel, ts, text and Block Kit JSON (null without blocks). */
    record Held(String channel, String ts, String text, String blocks) {}

    BotConfig config();

    /** The channel's messages, oldest first, as last posted or updated. */
    List<Held> messages();

    /** The texts answered through response URLs, oldest first. */
    List<String> ephemerals();

    /** A response URL the far side accepts, as it would hand out with a click by {@code userId}. */
    String responseUrl(String userId);

    @Override
    void close();

    static SlackFarSide mock() {
        return new Mock();
    }

    static SlackFarSide sandbox() {
        return new Sandbox(HelpdeskBot.start());
    }

    final class Mock implements SlackFarSide {
        private final ClientAndServer server = ClientAndServer.startClientAndServer();
        private final List<Held> messages = new CopyOnWriteArrayList<>();
        private final List<String> ephemerals = new CopyOnWriteArrayList<>();
        private final AtomicInteger ts = new AtomicInteger(100);

        Mock() {
            server.when(request()).respond(this::answer);
        }

        @Override
        public BotConfig config() {
            Map<String, String> env = new HashMap<>(TestBots.envWithoutDatabase());
            env.put("BOT_SLACK_API_URL", "http://127.0.0.1:" + server.getPort() + "/api/");
            env.put("BOT_SLACK_BOT_TOKEN", "xoxb-mock-token");
            env.put("BOT_SLACK_CHANNEL", "C0MOCK");
            return TestBots.config(env);
        }

        private HttpResponse answer(HttpRequest r) throws Exception {
            String path = r.getPath().getValue();
            if (path.startsWith("/respond/")) {
                ephemerals.add(dev.supportbot.bot.json.Json.MAPPER.readTree(r.getBodyAsString()).path("text").asText());
                return response().withStatusCode(200).withBody("ok");
            }
            Map<String, String> form = form(r.getBodyAsString());
            if (path.equals("/api/chat.postMessage")) {
                Held held = new Held(form.get("channel"), "1700000000.000" + ts.incrementAndGet(), form.get("text"), form.get("blocks"));
                messages.add(held);
                return json("{\"ok\":true,\"channel\":\"" + held.channel() + "\",\"ts\":\"" + held.ts() + "\"}");
            }
            if (path.equals("/api/chat.update")) {
                for (int i = 0; i < messages.size(); i++) {
                    Held m = messages.get(i);
                    if (m.ts().equals(form.get("ts")) && m.channel().equals(form.get("channel"))) {
                        messages.set(i, new Held(m.channel(), m.ts(), form.get("text"), form.get("blocks")));
                        return json("{\"ok\":true,\"channel\":\"" + m.channel() + "\",\"ts\":\"" + m.ts() + "\"}");
                    }
                }
                return json("{\"ok\":false,\"error\":\"message_not_found\"}");
            }
            return json("{\"ok\":false,\"error\":\"unknown_method\"}");
        }

        private static HttpResponse json(String body) {
            return response().withStatusCode(200).withHeader("Content-Type", "application/json").withBody(body);
        }

        private static Map<String, String> form(String body) {
            Map<String, String> form = new HashMap<>();
            if (body == null) return form;
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return form;
        }

        @Override
        public List<Held> messages() {
            return List.copyOf(messages);
        }

        @Override
        public List<String> ephemerals() {
            return List.copyOf(ephemerals);
        }

        @Override
        public String responseUrl(String userId) {
            return "http://127.0.0.1:" + server.getPort() + "/respond/" + userId;
        }

        /** Every request the notifier sent is checked against Slack's API description first. */
        @Override
        public void close() {
            try {
                VendorContracts.assertKept(VendorContracts.Api.SLACK, server);
            } finally {
                server.stop();
            }
        }
    }

    final class Sandbox implements SlackFarSide {
        private final HelpdeskBot bot;
        private final AtomicInteger ids = new AtomicInteger();

        Sandbox(HelpdeskBot bot) {
            this.bot = bot;
        }

        @Override
        public BotConfig config() {
            return bot.config;
        }

        @Override
        public List<Held> messages() {
            List<Held> out = new ArrayList<>();
            for (SlackStore.Message m : bot.helpdesk.slack().messages(SandboxSettings.CHANNEL, 100)) {
                if (m.kind().equals("message")) out.add(0, new Held(m.channel(), m.ts(), m.text(), m.blocks()));
            }
            return out;
        }

        @Override
        public List<String> ephemerals() {
            List<String> out = new ArrayList<>();
            for (SlackStore.Message m : bot.helpdesk.slack().messages(SandboxSettings.CHANNEL, 100)) {
                if (m.kind().equals("ephemeral")) out.add(0, m.text());
            }
            return out;
        }

        @Override
        public String responseUrl(String userId) {
            String id = "test" + ids.incrementAndGet();
            bot.helpdesk.slack().recordInteraction("block_actions", userId, SandboxSettings.CHANNEL, null, id, "trigger-" + id);
            return bot.base() + SandboxSettings.SLACK_PATH + "/respond/" + id;
        }

        @Override
        public void close() {
            bot.close();
        }
    }
}
