package dev.supportbot.bot;

import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.licenses.LicenseLookup;
import dev.supportbot.bot.licenses.LookupCommand;
import dev.supportbot.bot.licenses.LookupReply;
import dev.supportbot.bot.plugin.BotPlugin;
import dev.supportbot.bot.plugin.Context;
import dev.supportbot.bot.plugin.LnrCommand;
import dev.supportbot.bot.plugin.SlashCall;
import dev.supportbot.bot.plugin.SlashHandler;
import dev.supportbot.bot.portal.PortalClients;
import dev.supportbot.bot.slack.SlackNotifier;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /lnr licenses}, {@code /lnr license} and {@code /lnr hosts}: read-only look-ups answered ephemerally with
 * Block Kit through the command's response URL. They change nothing, so there is no commit to wait for: the answer is
 * sent by the worker directly (a bad argument's usage line goes the usual way, after the event's commit).
 */
public final class LicenseCommands implements BotPlugin {
    private static final Logger log = LoggerFactory.getLogger(LicenseCommands.class);

    private final LicenseLookup lookup;
    private final SlackNotifier slack;

    LicenseCommands(Context context) {
        lookup = new LicenseLookup(PortalClients.forBot(context), context.clock());
        slack = SlackNotifier.fromConfig(context.config());
    }

    @Override
    public List<SlashHandler> slashHandlers() {
        return LicenseLookup.COMMANDS.stream().<SlashHandler>map(Handler::new).toList();
    }

    @Override
    public void close() {
        slack.close();
    }

    private final class Handler implements SlashHandler {
        private final LookupCommand command;

        Handler(LookupCommand command) {
            this.command = command;
        }

        @Override
        public String name() {
            return command.name();
        }

        @Override
        public List<LnrCommand> help() {
            return List.of(new LnrCommand(command.usage(), command.description()));
        }

        @Override
        public Handled handle(SlashCall call) {
            LookupReply reply = lookup.reply(call.name(), String.join(" ", call.args()));
            if (reply instanceof LookupReply.UsageError error) return call.answer("bad usage of /lnr " + call.name(), error.text());
            String url = call.responder().responseUrl();
            if (url == null || url.isBlank()) return Handled.noop("/lnr " + call.name() + ": no response URL to answer");
            try {
                slack.respond(url, ((LookupReply.Answer) reply).message());
            } catch (RuntimeException e) {
                log.warn("could not answer /lnr {}: {}", call.name(), e.getClass().getSimpleName());
            }
            return Handled.noop("/lnr " + call.name() + " answered");
        }
    }
}
