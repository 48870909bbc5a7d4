package dev.supportbot.bot.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The small option parser the commands share: {@code --config FILE}, {@code --help}, flags, positionals. */
final class Options {
    final Path config;
    final boolean help;
    final List<String> flags;
    final List<String> positionals;

    private Options(Path config, boolean help, List<String> flags, List<String> positionals) {
        this.config = config;
        this.help = help;
        this.flags = flags;
        this.positionals = positionals;
    }

    static Options parse(List<String> args, List<String> allowedFlags, String usage) throws UsageException {
        Path config = null;
        boolean help = false;
        List<String> flags = new ArrayList<>();
        List<String> positionals = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) help = true;
            else if (arg.equals("--config")) {
                if (i + 1 >= args.size()) throw new UsageException("--config needs a file", usage);
                config = Path.of(args.get(++i));
            } else if (arg.startsWith("--config=")) config = Path.of(arg.substring("--config=".length()));
            else if (allowedFlags.contains(arg)) flags.add(arg);
            else if (arg.startsWith("-")) throw new UsageException("unknown option '" + arg + "'", usage);
            else positionals.add(arg);
        }
        return new Options(config, help, flags, positionals);
    }
}
