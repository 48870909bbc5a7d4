package dev.supportbot.bot.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import dev.supportbot.bot.shadow.ShadowReport;
import dev.supportbot.bot.http.HttpRoutes;

/**
 * The operator view: overview ({@code /}), a ticket's timeline, shadow mode's figures ({@code /shadow}), the retry
 * of a dead letter, the login form, the style sheet. Read-only except the retry, which is what {@code supportbot inbox retry ID} does.
 */
final class OperatorRoutes implements HttpRoutes {
    private final ConsoleAccess access;
    private final ConsolePages pages;
    private final OperatorData data;
    private final Runnable wakeUp;
    private final byte[] css;

    OperatorRoutes(ConsoleAccess access, ConsolePages pages, OperatorData data, Runnable wakeUp) {
        this.access = access;
        this.pages = pages;
        this.data = data;
        this.wakeUp = wakeUp;
        this.css = resource("console/console.css");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.addHttpHandler(HandlerType.GET, "/", guarded(this::overview));
        routes.addHttpHandler(HandlerType.GET, "/tickets", guarded(ctx -> {
            String ticket = ctx.queryParam("ticket");
            if (ticket == null || !ticket.trim().matches("\\d{1,18}")) throw new BadRequestResponse("ticket must be a ticket id");
            ctx.redirect("/tickets/" + ticket.trim(), HttpStatus.SEE_OTHER);
        }));
        routes.addHttpHandler(HandlerType.GET, "/tickets/{ticket}", guarded(this::timeline));
        routes.addHttpHandler(HandlerType.POST, "/dead-letters/{id}/retry", guarded(this::retry));
        routes.addHttpHandler(HandlerType.GET, "/shadow", guarded(this::shadow));
        routes.addHttpHandler(HandlerType.GET, "/login", this::loginForm);
        routes.addHttpHandler(HandlerType.POST, "/login", this::login);
        routes.addHttpHandler(HandlerType.POST, "/logout", ctx -> {
            ConsoleForms.sameOrigin(ctx);
            access.checkExists();
            access.logout(ctx);
            ctx.redirect("/login", HttpStatus.SEE_OTHER);
        });
        routes.addHttpHandler(HandlerType.GET, "/console.css", ctx -> {
            access.checkExists();
            ctx.contentType("text/css; charset=utf-8").result(css);
        });
    }

    private Handler guarded(Handler handler) {
        return ctx -> {
            try {
                access.check(ctx);
            } catch (UnauthorizedResponse e) {
                // A person's browser is sent to the form; anything else gets the JSON 401.
                String accept = ctx.header("Accept");
                if (ctx.method() == HandlerType.GET && accept != null && accept.contains("text/html")) {
                    ctx.redirect("/login", HttpStatus.SEE_OTHER);
                    return;
                }
                throw e;
            }
            handler.handle(ctx);
        };
    }

    private void overview(Context ctx) {
        pages.render(ctx, "overview", "supportbot console", Map.of(
                "groups", data.runsByState(),
                "approvals", data.pendingApprovals(),
                "dead", data.deadLetters(),
                "figures", data.figures(),
                "signedIn", !access.open()));
    }

    private void timeline(Context ctx) {
        long ticket = ConsoleForms.id(ctx, "ticket");
        OperatorData.Timeline timeline = data.timeline(ticket);
        pages.render(ctx, "timeline", "ticket " + ticket, Map.of(
                "ticket", ticket,
                "runs", data.runsOn(ticket),
                "story", timeline.story(),
                "entries", timeline.raw(),
                "rawCount", timeline.raw().size(),
                "signedIn", !access.open()));
    }

    private void shadow(Context ctx) {
        String sinceParam = ctx.queryParam("since");
        Optional<LocalDate> since;
        try {
            since = sinceParam == null || sinceParam.isBlank() ? Optional.empty() : Optional.of(ShadowReport.since(sinceParam));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("since must be a date such as 2026-12-01");
        }
        pages.render(ctx, "shadow", "shadow decisions", Map.of(
                "rows", data.shadowReport(since),
                "period", ShadowReport.period(since),
                "since", since.map(LocalDate::toString).orElse(""),
                "signedIn", !access.open()));
    }

    private void retry(Context ctx) {
        ConsoleForms.sameOrigin(ctx);
        long id = ConsoleForms.id(ctx, "id");
        if (!data.retryDead(id)) throw new NotFoundResponse("no dead letter with id " + id);
        wakeUp.run();
        ctx.redirect("/#dead-letters", HttpStatus.SEE_OTHER);
    }

    private void loginForm(Context ctx) {
        access.checkExists();
        if (access.open()) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        pages.render(ctx, "login", "sign in", Map.of("failed", "1".equals(ctx.queryParam("failed"))));
    }

    private void login(Context ctx) {
        access.checkExists();
        ConsoleForms.sameOrigin(ctx);
        if (access.open() || access.login(ctx, ctx.formParam("token"))) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.status(401);
        pages.render(ctx, "login", "sign in", Map.of("failed", true));
    }

    private static byte[] resource(String name) {
        try (InputStream in = OperatorRoutes.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the build");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
