package dev.supportbot.bot.console;

import dev.supportbot.bot.http.HttpRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sandbox helpdesk pages (sandbox mode only): tickets, a ticket with its comments, writing as a requester or an
 * agent, applying a macro as an agent, the Slack channel with buttons to click as a Slack user, and the portal's state
 * for a subscription. Every change goes through the stand-ins' own APIs ({@link StandInClient}).
 */
final class HelpdeskRoutes implements HttpRoutes {
    private static final int MAX_BODY = 20_000;

    private final ConsolePages pages;
    private final HelpdeskData data;
    private final StandInClient standIns;
    private final ConsoleMacros macros;

    HelpdeskRoutes(ConsolePages pages, HelpdeskData data, StandInClient standIns, ConsoleMacros macros) {
        this.pages = pages;
        this.data = data;
        this.standIns = standIns;
        this.macros = macros;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.addHttpHandler(HandlerType.GET, "/helpdesk", this::tickets);
        routes.addHttpHandler(HandlerType.POST, "/helpdesk/tickets", sameOrigin(this::openTicket));
        routes.addHttpHandler(HandlerType.GET, "/helpdesk/tickets/{ticket}", this::ticket);
        routes.addHttpHandler(HandlerType.POST, "/helpdesk/tickets/{ticket}/comments", sameOrigin(this::comment));
        routes.addHttpHandler(HandlerType.POST, "/helpdesk/tickets/{ticket}/macros", sameOrigin(this::applyMacro));
        routes.addHttpHandler(HandlerType.GET, "/helpdesk/slack", this::slack);
        routes.addHttpHandler(HandlerType.POST, "/helpdesk/slack/clicks", sameOrigin(this::click));
        routes.addHttpHandler(HandlerType.GET, "/helpdesk/portal", this::portal);
    }

    private static Handler sameOrigin(Handler handler) {
        return ctx -> {
            ConsoleForms.sameOrigin(ctx);
            handler.handle(ctx);
        };
    }

    private void tickets(Context ctx) {
        pages.render(ctx, "tickets", "sandbox helpdesk: tickets", Map.of(
                "tickets", data.tickets(),
                "requesters", data.people("end-user")));
    }

    private void openTicket(Context ctx) {
        String requester = ConsoleForms.oneOf(ctx, "requester", emails("end-user"));
        long id = standIns.openTicket(requester, ConsoleForms.field(ctx, "subject", 500), ConsoleForms.field(ctx, "body", MAX_BODY));
        ctx.redirect("/helpdesk/tickets/" + id, HttpStatus.SEE_OTHER);
    }

    private void ticket(Context ctx) {
        long id = ConsoleForms.id(ctx, "ticket");
        Map<String, Object> ticket = data.ticket(id).orElseThrow(() -> new NotFoundResponse("no ticket " + id));
        pages.render(ctx, "ticket", "ticket " + id + ": " + ticket.get("subject"), Map.of(
                "ticket", ticket,
                "requesters", data.people("end-user"),
                "agents", data.people("agent"),
                "macros", macros.all().stream().map(m -> HelpdeskData.row("id", m.id(), "title", m.title())).toList()));
    }

    private void comment(Context ctx) {
        long id = ConsoleForms.id(ctx, "ticket");
        String author = ConsoleForms.oneOf(ctx, "author", union(emails("end-user"), emails("agent")));
        String visibility = ConsoleForms.oneOf(ctx, "visibility", Set.of("public", "private"));
        standIns.comment(id, author, ConsoleForms.field(ctx, "body", MAX_BODY), visibility.equals("public"));
        ctx.redirect("/helpdesk/tickets/" + id, HttpStatus.SEE_OTHER);
    }

    private void applyMacro(Context ctx) {
        long id = ConsoleForms.id(ctx, "ticket");
        String agent = ConsoleForms.oneOf(ctx, "agent", emails("agent"));
        ConsoleMacros.Macro macro = macros.byId(ConsoleForms.field(ctx, "macro", 200))
                .orElseThrow(() -> new BadRequestResponse("macro is not one of macros/active"));
        standIns.applyMacro(id, agent, macro);
        ctx.redirect("/helpdesk/tickets/" + id, HttpStatus.SEE_OTHER);
    }

    private void slack(Context ctx) {
        pages.render(ctx, "slack", "sandbox Slack", Map.of(
                "messages", data.slackMessages(),
                "users", data.slackUsers(),
                "answered", ctx.queryParam("answered") == null ? "" : ctx.queryParam("answered").replaceAll("[^0-9]", "")));
    }

    private void click(Context ctx) {
        String user = ConsoleForms.oneOf(ctx, "user", data.slackUsers().stream().map(u -> (String) u.get("id")).collect(Collectors.toSet()));
        int status = standIns.click(ConsoleForms.field(ctx, "channel", 32), ConsoleForms.field(ctx, "ts", 32),
                ConsoleForms.field(ctx, "action_id", 255), user);
        ctx.redirect("/helpdesk/slack?answered=" + status, HttpStatus.SEE_OTHER);
    }

    private void portal(Context ctx) {
        String name = ctx.queryParam("subscription");
        if (name == null || !HelpdeskData.SUBSCRIPTION.matcher(name).matches()) {
            throw new BadRequestResponse("subscription must be a subscription name, A-S and 8 digits");
        }
        Map<String, Object> portal = data.portal(name).orElseThrow(() -> new NotFoundResponse("no subscription " + name));
        pages.render(ctx, "portal", "sandbox portal: " + name, Map.of("portal", portal));
    }

    private Set<String> emails(String role) {
        return data.people(role).stream().map(p -> (String) p.get("email")).collect(Collectors.toSet());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
    }
}
