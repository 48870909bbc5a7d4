package dev.supportbot.bot.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The small option parser the commands share: {@code --config FILE}, flags, positionals ({@code --help} is the CLI's). */
final class Options {
    final Path config;
    final List<String> flags;
    final List<String> positionals;

    private Options(Path config, List<String> flags, List<String> positionals) {
        this.config = config;
        this.flags = flags;
        this.positionals = positionals;
    }

    static Options parse(List<String> args, List<String> allowedFlags) throws UsageException {
        Path config = null;
        List<String> flags = new ArrayList<>();
        List<String> positionals = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--config")) {
                if (i + 1 >= args.size()) throw new UsageException("--config needs a file");
                config = Path.of(args.get(++i));
            } else if (arg.startsWith("--config=")) config = Path.of(arg.substring("--config=".length()));
            else if (allowedFlags.contains(arg)) flags.add(arg);
            else if (arg.startsWith("-")) throw new UsageException("unknown option '" + arg + "'");
            else positionals.add(arg);
        }
        return new Options(config, flags, positionals);
    }
}
