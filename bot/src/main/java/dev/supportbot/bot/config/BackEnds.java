package dev.supportbot.bot.config;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which of the three back ends (Zendesk, Slack, the portal) are the built-in sandboxes, read from the configuration
 * as given (before the sandbox stand-ins fill in their loopback URLs), and what that asks of the rest of it.
 * Sandbox mode: all three sandboxes. Production: all three real. Anything else is a mix, refused unless
 * {@code BOT_ALLOW_SANDBOX_MIX=true}.
 */
public record BackEnds(List<BackEnd> sandboxes, List<BackEnd> real, boolean mixAllowed) {
    public static final String SANDBOX = "sandbox";

    /** One back end, the setting that chooses it and the credentials the bot needs when it is real. */
    public enum BackEnd {
        ZENDESK("Zendesk", Settings.ZENDESK_URL, "the sandbox Zendesk", "Zendesk URL",
                List.of(Settings.ZENDESK_WEBHOOK_SECRET, Settings.ZENDESK_EMAIL, Settings.ZENDESK_TOKEN)),
        SLACK("Slack", Settings.SLACK_API_URL, "the sandbox Slack", "Slack Web API URL",
                List.of(Settings.SLACK_SIGNING_SECRET, Settings.SLACK_BOT_TOKEN)),
        PORTAL("the portal", Settings.PORTAL_URL, "the sandbox portal", "portal API URL", List.of(Settings.PORTAL_TOKEN));

        private final String label;
        private final Setting<String> url;
        private final String sandboxLabel;
        private final String realUrl;
        private final List<Setting<String>> credentials;

        BackEnd(String label, Setting<String> url, String sandboxLabel, String realUrl, List<Setting<String>> credentials) {
            this.label = label;
            this.url = url;
            this.sandboxLabel = sandboxLabel;
            this.realUrl = realUrl;
            this.credentials = credentials;
        }

        public String label() {
            return label;
        }

        public Setting<String> url() {
            return url;
        }

        public List<Setting<String>> credentials() {
            return credentials;
        }
    }

    public static BackEnds of(BotConfig config) {
        List<BackEnd> sandboxes = new ArrayList<>();
        List<BackEnd> real = new ArrayList<>();
        for (BackEnd b : BackEnd.values()) (SANDBOX.equals(config.get(b.url)) ? sandboxes : real).add(b);
        return new BackEnds(List.copyOf(sandboxes), List.copyOf(real), Boolean.TRUE.equals(config.get(Settings.ALLOW_SANDBOX_MIX)));
    }

    public boolean sandbox() {
        return real.isEmpty();
    }

    public boolean production() {
        return sandboxes.isEmpty();
    }

    public boolean mixed() {
        return !sandbox() && !production();
    }

    /** {@code sandbox}, {@code production} or {@code mixed}, as {@code /healthz} shows it. */
    public String mode() {
        return sandbox() ? "sandbox" : production() ? "production" : "mixed";
    }

    /** For the start-up log and the console banner, e.g. "Zendesk real; Slack and the portal sandbox". */
    public String describe() {
        if (sandbox()) return "Zendesk, Slack and the portal are the sandboxes";
        if (production()) return "Zendesk, Slack and the portal are real";
        return labels(real) + " real; " + labels(sandboxes) + " the sandbox";
    }

    /**
     * What stops the bot from starting, one line per setting to fix, naming it; empty when it may start. Outside
     * sandbox mode every real back end needs its credentials and the console its token, unless it is switched off.
     */
    public List<String> problems(BotConfig config) {
        List<String> out = new ArrayList<>();
        if (sandbox()) return out;
        if (mixed() && !mixAllowed) {
            for (BackEnd b : sandboxes) {
                out.add(b.url.env() + " is still " + b.sandboxLabel + " while " + realUrls() + (real.size() == 1 ? " is" : " are")
                        + " real: set it to the real " + b.realUrl + ", or set "
                        + Settings.ALLOW_SANDBOX_MIX.env() + "=true to run a mix on purpose");
            }
        }
        for (BackEnd b : real) {
            for (Setting<String> credential : b.credentials) {
                if (isBlank(config.get(credential))) out.add(credential.env() + " is not set: " + b.label + " is real (" + b.url.env() + ")");
            }
        }
        if (Boolean.TRUE.equals(config.get(Settings.CONSOLE_ENABLED)) && isBlank(config.get(Settings.CONSOLE_TOKEN))) {
            out.add(Settings.CONSOLE_TOKEN.env() + " is not set: outside sandbox mode the console needs it (or set "
                    + Settings.CONSOLE_ENABLED.env() + "=false to switch the console off)");
        }
        return out;
    }

    /** The configuration, when the bot may start with it; else a {@link ConfigException} with one line per problem. */
    public static BotConfig checked(BotConfig config) {
        List<String> problems = of(config).problems(config);
        if (!problems.isEmpty()) throw new ConfigException(String.join("\n", problems));
        return config;
    }

    private String realUrls() {
        return real.stream().map(b -> b.url.env()).collect(Collectors.joining(" and "));
    }

    private static String labels(List<BackEnd> backEnds) {
        List<String> names = backEnds.stream().map(BackEnd::label).toList();
        String joined = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        return Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
