package dev.supportbot.bot.cli;

import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.ConfigException;
import dev.supportbot.bot.config.ConfigLoader;
import dev.supportbot.bot.config.Settings;
import dev.supportbot.bot.outbound.OutboundException;
import dev.supportbot.bot.outbound.Sleeper;
import dev.supportbot.bot.zendesk.ZendeskAccount;
import dev.supportbot.bot.zendesk.setup.Lint;
import dev.supportbot.bot.zendesk.setup.Plan;
import dev.supportbot.bot.zendesk.setup.Problem;
import dev.supportbot.bot.zendesk.setup.SetupException;
import dev.supportbot.bot.zendesk.setup.SetupFiles;
import dev.supportbot.bot.zendesk.setup.Variables;
import dev.supportbot.bot.zendesk.setup.ZendeskAdminApi;
import dev.supportbot.bot.zendesk.setup.ZendeskSetup;
import dev.supportbot.workflows.Workflows;
import dev.supportbot.workflows.engine.Workflow;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** {@code supportbot zendesk lint|compare|sync}: the macros, trigger and webhook of {@code macros/} as code. */
final class ZendeskCommand implements Subcommand {
    static final String USAGE = """
            usage: supportbot zendesk <lint | compare | sync> [DIR] [--yes] [--config FILE]
              lint [DIR]     check the set-up files (default: macros) without calling Zendesk; exit 1 when anything is found
              compare [DIR]  print what sync would create or update in the Zendesk of BOT_ZENDESK_URL; changes nothing
              sync [DIR]     create and update the webhook, macros and triggers to match the files (never deletes);
                             asks first, unless --yes
            compare and sync call Zendesk as BOT_ZENDESK_EMAIL with BOT_ZENDESK_TOKEN (an admin's token) and expand
            ${BOT_PUBLIC_URL} (the bot's public base URL) and ${BOT_ZENDESK_EMAIL} in the files.""";

    private final Function<String, String> env;
    private final Clock clock;
    private final Sleeper sleeper;

    ZendeskCommand() {
        this(System::getenv, Clock.systemUTC(), Sleeper.SYSTEM);
    }

    ZendeskCommand(Function<String, String> env, Clock clock, Sleeper sleeper) {
        this.env = env;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public String name() {
        return "zendesk";
    }

    @Override
    public String summary() {
        return "lint, compare or sync the Zendesk macros, trigger and webhook in macros/";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> args, Terminal terminal) throws Exception {
        Options options = Options.parse(args, List.of("--yes"));
        List<String> words = options.positionals;
        if (words.isEmpty()) throw new UsageException("needs a sub-command");
        String action = words.get(0);
        if (!List.of("lint", "compare", "sync").contains(action)) throw new UsageException("unknown sub-command '" + action + "'");
        if (words.size() > 2) throw new UsageException("'" + action + "' takes at most one directory");
        if (options.flags.contains("--yes") && !action.equals("sync")) throw new UsageException("--yes is for sync only");
        Path dir = Path.of(words.size() == 2 ? words.get(1) : "macros");
        SetupFiles files = SetupFiles.read(dir);
        List<Problem> problems = lint().check(files);
        problems.forEach(p -> terminal.out().println(p));
        if (action.equals("lint")) {
            terminal.out().println(problems.isEmpty() ? dir + ": no problems" : problems.size() + " problem(s)");
            return problems.isEmpty() ? Cli.OK : Cli.FAILURE;
        }
        if (!problems.isEmpty()) {
            terminal.err().println("supportbot zendesk: fix the " + problems.size() + " problem(s) above first; nothing was compared");
            return Cli.FAILURE;
        }
        BotConfig config = new ConfigLoader(env).load(options.config);
        ZendeskSetup setup = new ZendeskSetup(files, api(config), variables(config));
        try {
            Plan plan = setup.compare();
            plan.print(terminal.out(), dir);
            if (action.equals("compare") || !plan.changesSomething()) {
                if (action.equals("sync")) terminal.out().println("nothing to change");
                return Cli.OK;
            }
            if (!options.flags.contains("--yes") && !confirmed(terminal, config.get(Settings.ZENDESK_URL))) {
                terminal.out().println("nothing changed");
                return Cli.FAILURE;
            }
            int applied = setup.apply(plan, terminal.out(), ZendeskCommand::secretInstructions);
            terminal.out().println(applied + " change(s) applied; objects only in Zendesk were left alone");
            return Cli.OK;
        } catch (SetupException | OutboundException e) {
            terminal.err().println("supportbot zendesk: " + e.getMessage());
            return Cli.FAILURE;
        }
    }

    static Lint lint() {
        Set<String> start = new HashSet<>();
        Set<String> commands = new HashSet<>();
        for (Workflow<?> w : Workflows.ALL.all()) {
            start.add(w.startTag());
            commands.addAll(w.commandTags().keySet());
        }
        return new Lint(start, commands);
    }

    private ZendeskAdminApi api(BotConfig config) {
        List<String> missing = new ArrayList<>();
        String url = config.get(Settings.ZENDESK_URL);
        if ("sandbox".equals(url)) {
            throw new ConfigException("BOT_ZENDESK_URL is sandbox: the bot's own Zendesk stand-in, which always has the shipped"
                    + " macros and trigger, so there is no Zendesk to compare with; to compare with or sync a real one, set"
                    + " BOT_ZENDESK_URL, BOT_ZENDESK_EMAIL and BOT_ZENDESK_TOKEN");
        }
        if (url == null) missing.add(Settings.ZENDESK_URL.env());
        if (config.get(Settings.ZENDESK_EMAIL) == null) missing.add(Settings.ZENDESK_EMAIL.env());
        if (config.get(Settings.ZENDESK_TOKEN) == null) missing.add(Settings.ZENDESK_TOKEN.env());
        if (!missing.isEmpty()) throw new ConfigException(String.join(", ", missing) + " must be set to reach Zendesk");
        ZendeskAccount account = new ZendeskAccount(config.get(Settings.ZENDESK_URL), config.get(Settings.ZENDESK_EMAIL),
                config.get(Settings.ZENDESK_TOKEN));
        return new ZendeskAdminApi(account, config.get(Settings.ZENDESK_UPDATES_PER_MINUTE), clock, sleeper);
    }

    private Variables variables(BotConfig config) {
        Map<String, String> values = new HashMap<>();
        values.put(Variables.ZENDESK_EMAIL, config.get(Settings.ZENDESK_EMAIL));
        String publicUrl = env.apply(Variables.PUBLIC_URL);
        if (publicUrl != null) values.put(Variables.PUBLIC_URL, publicUrl.replaceAll("/+$", ""));
        values.values().removeIf(v -> v == null);
        return new Variables(values);
    }

    private static boolean confirmed(Terminal terminal, String url) throws java.io.IOException {
        terminal.out().print("Apply these changes to " + url + "? Type 'yes' to go on: ");
        terminal.out().flush();
        String answer = new BufferedReader(new InputStreamReader(terminal.in(), StandardCharsets.UTF_8)).readLine();
        return answer != null && answer.strip().equals("yes");
    }

    /** Shown once on the operator's terminal, never logged: Zendesk generates the secret and it cannot be set. */
    static String secretInstructions(String secret) {
        return """
                The new webhook signs every request with a secret Zendesk generated (shown only now, never logged).
                Set it in the environment of every bot instance, then restart them:
                  BOT_ZENDESK_WEBHOOK_SECRET=%s""".formatted(secret);
    }
}
