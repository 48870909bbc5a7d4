package dev.supportbot.bot.console;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.util.HtmlEscaper;
import dev.supportbot.bot.config.ActionMode;
import dev.supportbot.bot.config.BackEnds;
import dev.supportbot.workflows.redaction.SecretScanner;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders the console's Mustache templates ({@code console/templates/*.mustache}). Every value goes through one
 * encoder: outside sandbox mode it masks activation codes and license keys first ({@link SecretScanner#mask}), then
 * escapes HTML. The only values the templates write unescaped ({@code {{{...}}}}) are the sandbox Slack page's texts,
 * which {@link SlackMrkdwn} turns into HTML escaping everything it does not format.
 */
final class ConsolePages {
    private final boolean sandbox;
    private final String banner;
    private final DefaultMustacheFactory factory;
    private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

    ConsolePages(BackEnds backEnds, ActionMode actions) {
        this.sandbox = backEnds.sandbox();
        this.banner = (actions == ActionMode.SHADOW ? "shadow mode: the bot changes nothing, it notes what it would have done; " : "")
                + banner(backEnds);
        this.factory = new DefaultMustacheFactory("console/templates") {
            @Override
            public void encode(String value, Writer writer) {
                HtmlEscaper.escape(sandbox ? value : SecretScanner.mask(value), writer);
            }
        };
    }

    /** What every page says about the back ends: the demo, production, or which of them are real in a mix. */
    private static String banner(BackEnds backEnds) {
        if (backEnds.sandbox()) return "sandbox mode: everything here is generated demo data";
        if (backEnds.production()) return "production console: secrets are masked";
        return "a mix of real and sandbox back ends (" + backEnds.describe() + "): secrets are masked";
    }

    void render(Context ctx, String template, String title, Map<String, Object> model) {
        Map<String, Object> scope = new HashMap<>(model);
        scope.put("title", title);
        scope.put("sandbox", sandbox);
        scope.put("banner", banner);
        Mustache mustache = compiled.computeIfAbsent(template, t -> factory.compile(t + ".mustache"));
        StringWriter out = new StringWriter();
        try {
            mustache.execute(out, scope).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'");
        ctx.html(out.toString());
    }
}
