package dev.supportbot.bot.cli;

import dev.supportbot.bot.config.BackEnds;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.ConfigLoader;
import dev.supportbot.bot.config.Setting;
import dev.supportbot.bot.config.Parsers;
import dev.supportbot.bot.config.Settings;
import java.time.Duration;
import java.util.List;

/** {@code supportbot config [check|table]}: validate the configuration, or print the settings table of docs/configuration.md. */
final class ConfigCommand implements Subcommand {
    static final String USAGE = """
            usage: supportbot config <check | table> [--config FILE]
              check   load and validate the configuration as serve does; print it with secrets masked
              table   print every setting as a Markdown table""";

    @Override
    public String name() {
        return "config";
    }

    @Override
    public String summary() {
        return "validate the configuration or print the settings table";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> args, Terminal terminal) throws Exception {
        Options options = Options.parse(args, List.of());
        if (options.positionals.size() != 1) throw new UsageException("needs one sub-command");
        switch (options.positionals.get(0)) {
            case "check" -> {
                BotConfig config = BackEnds.checked(new ConfigLoader(terminal.env()).load(options.config));
                BackEnds backEnds = BackEnds.of(config);
                terminal.out().println("configuration is valid (" + backEnds.mode() + " mode: " + backEnds.describe() + ")");
                for (Setting<?> s : Settings.ALL) {
                    Object value = config.get(s);
                    String shown = s.secret() ? (value == null ? "(unset)" : "(set)") : value == null ? "(unset)" : shown(s, value);
                    terminal.out().printf("  %-28s %s%n", s.env(), shown);
                }
                return Cli.OK;
            }
            case "table" -> {
                terminal.out().println("| key in bot.yaml | environment variable | default | meaning |");
                terminal.out().println("|---|---|---|---|");
                for (Setting<?> s : Settings.ALL) {
                    terminal.out().printf("| %s | `%s` | %s | %s |%n", s.inFile() ? "`" + s.key() + "`" : "(environment only: secret)",
                            s.env(), s.defaultText() == null || s.defaultText().isEmpty() ? "" : "`" + s.defaultText() + "`", s.meaning());
                }
                return Cli.OK;
            }
            default -> throw new UsageException("unknown sub-command '" + options.positionals.get(0) + "'");
        }
    }

    /**
     * A value as an operator writes it: durations as {@code 30s} (the default's own text when it is the default), lists
     * comma-separated.
     */
    private static String shown(Setting<?> setting, Object value) {
        if (value instanceof List<?> list) return String.join(",", list.stream().map(String::valueOf).toList());
        if (!(value instanceof Duration duration)) return value.toString();
        if (setting.defaultText() != null && !setting.defaultText().isEmpty()) {
            try {
                if (Parsers.duration(setting.defaultText()).equals(duration)) return setting.defaultText();
            } catch (IllegalArgumentException e) {
                // a default that is not a duration text: fall through
            }
        }
        return Parsers.durationText(duration);
    }
}
