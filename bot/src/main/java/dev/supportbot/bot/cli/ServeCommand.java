package dev.supportbot.bot.cli;

import dev.supportbot.bot.Plugins;
import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.config.BackEnds;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.ConfigLoader;
import dev.supportbot.bot.config.Settings;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * {@code supportbot serve [--config FILE]}: runs the service until SIGTERM or Ctrl-C, then drains ({@link SupportBot#close})
 * and exits 0. The signals are handled here rather than by the JVM's shutdown, whose exit status would be 143.
 */
final class ServeCommand implements Subcommand {
    static final String USAGE = """
            usage: supportbot serve [--config FILE]
              Runs the service. Reads FILE, else config/bot.yaml when present, else built-in defaults;
              environment variables (BOT_*) override the file. See docs/configuration.md for every setting.""";

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "run the service (HTTP intake, inbox workers)";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> args, Terminal terminal) throws Exception {
        Options options = Options.parse(args, List.of());
        if (!options.positionals.isEmpty()) throw new UsageException("unexpected argument '" + options.positionals.get(0) + "'");
        BotConfig config = BackEnds.checked(new ConfigLoader(terminal.env()).load(options.config));
        SupportBot bot = SupportBot.builder(config).host(config.get(Settings.HOST)).plugins(Plugins.standard(config)).start();
        CountDownLatch stop = new CountDownLatch(1);
        for (String signal : List.of("TERM", "INT")) Signal.handle(new Signal(signal), received -> stop.countDown());
        // Any other way out of the JVM (System.exit elsewhere, SIGHUP) still stops the bot cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(bot::close, "shutdown"));
        stop.await();
        bot.close();
        return Cli.OK;
    }
}
