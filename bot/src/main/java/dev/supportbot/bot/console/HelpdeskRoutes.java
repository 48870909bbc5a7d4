package dev.supportbot.bot.console;

import dev.supportbot.bot.http.HttpRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sandbox helpdesk pages (sandbox mode only): tickets, a ticket with its comments, writing as a requester or an
 * agent, applying a macro as an agent, the Slack channel with buttons to click, modals to fill in and {@code /lnr}
 * commands to type as a Slack user, and the portal's state for a subscription. Every change goes through the
 * stand-ins' own APIs ({@link StandInClient}).
 */
final class HelpdeskRoutes implements HttpRoutes {
    private static final int MAX_BODY = 20_000;
    private static final String ZENDESK_AGENT_TICKETS = "/sandbox/zendesk/agent/tickets/";
    /** How long a Slack action waits for the bot before the page is shown: Slack's own limit for an answer. */
    private static final Duration HANDLING = Duration.ofSeconds(3);
    private static final Map<String, String> ANSWERED = Map.of("click", "the click", "command", "the command",
            "submission", "the form");

    private final ConsolePages pages;
    private final HelpdeskData data;
    private final StandInClient standIns;
    private final ConsoleMacros macros;
    private final String slackChannel;

    HelpdeskRoutes(ConsolePages pages, HelpdeskData data, StandInClient standIns, ConsoleMacros macros, String slackChannel) {
        this.slackChannel = slackChannel;
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
        routes.addHttpHandler(HandlerType.POST, "/helpdesk/slack/commands", sameOrigin(this::command));
        routes.addHttpHandler(HandlerType.POST, "/helpdesk/slack/modals/{view}", sameOrigin(this::submitModal));
        routes.addHttpHandler(HandlerType.POST, "/helpdesk/slack/modals/{view}/close", sameOrigin(this::closeModal));
        // The ticket links the bot writes point at the Zendesk stand-in's agent pages: these are the console's.
        routes.addHttpHandler(HandlerType.GET, ZENDESK_AGENT_TICKETS + "{ticket}",
                ctx -> ctx.redirect("/helpdesk/tickets/" + ConsoleForms.id(ctx, "ticket"), HttpStatus.SEE_OTHER));
        routes.addHttpHandler(HandlerType.GET, "/helpdesk/portal", this::portal);
    }

    private static Handler sameOrigin(Handler handler) {
        return ctx -> {
            ConsoleForms.sameOrigin(ctx);
            handler.handle(ctx);
        };
    }

    private void tickets(Context ctx) {
        List<Map<String, Object>> endUsers = data.people("end-user");
        pages.render(ctx, "tickets", "sandbox helpdesk: tickets", Map.of(
                "tickets", data.tickets(),
                "customers", endUsers.stream().filter(p -> !(Boolean) p.get("staff")).toList(),
                "staff", endUsers.stream().filter(p -> (Boolean) p.get("staff")).toList()));
    }

    private void openTicket(Context ctx) {
        String requester = ConsoleForms.oneOf(ctx, "requester", emails("end-user"));
        long id = standIns.openTicket(requester, ConsoleForms.field(ctx, "subject", 500), ConsoleForms.field(ctx, "body", MAX_BODY));
        ctx.redirect("/helpdesk/tickets/" + id, HttpStatus.SEE_OTHER);
    }

    private void ticket(Context ctx) {
        long id = ConsoleForms.id(ctx, "ticket");
        Map<String, Object> ticket = data.ticket(id).orElseThrow(() -> new NotFoundResponse("no ticket " + id));
        String requester = (String) ticket.get("requesterEmail");
        List<Map<String, Object>> endUsers = data.people("end-user", requester);
        pages.render(ctx, "ticket", "ticket " + id + ": " + ticket.get("subject"), Map.of(
                "ticket", ticket,
                "customers", endUsers.stream().filter(p -> !(Boolean) p.get("staff")).toList(),
                "staff", endUsers.stream().filter(p -> (Boolean) p.get("staff")).toList(),
                "agents", data.people("agent", requester),
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
        String chosen = ConsoleForms.field(ctx, "agent", 320);
        if (data.isBot(chosen)) {
            throw new BadRequestResponse("supportbot is the bot's own account: the bot ignores what it does itself, so a macro"
                    + " applied as supportbot would start nothing; choose an agent");
        }
        String agent = ConsoleForms.oneOf(ctx, "agent", emails("agent"));
        ConsoleMacros.Macro macro = macros.byId(ConsoleForms.field(ctx, "macro", 200))
                .orElseThrow(() -> new BadRequestResponse("macro is not one of macros/active"));
        standIns.applyMacro(id, agent, macro);
        ctx.redirect("/helpdesk/tickets/" + id, HttpStatus.SEE_OTHER);
    }

    private void slack(Context ctx) {
        String answered = ctx.queryParam("answered") == null ? "" : ctx.queryParam("answered").replaceAll("[^0-9]", "");
        String what = ANSWERED.getOrDefault(java.util.Objects.requireNonNullElse(ctx.queryParam("what"), "click"), "the click");
        pages.render(ctx, "slack", "sandbox Slack", Map.of(
                "messages", data.slackMessages(),
                "modals", data.openModals(),
                "users", data.slackUsers(),
                "answered", answered.isEmpty() ? "" : HelpdeskData.row("status", answered, "what", what)));
    }

    private void click(Context ctx) {
        String user = slackUser(ctx, "user");
        StandInClient.SlackAnswer answer = standIns.click(ConsoleForms.field(ctx, "channel", 32), ConsoleForms.field(ctx, "ts", 32),
                ConsoleForms.field(ctx, "action_id", 255), user);
        answered(ctx, answer, "click");
    }

    private void command(Context ctx) {
        String user = slackUser(ctx, "user");
        String text = ConsoleForms.field(ctx, "text", 4000).replaceFirst("^/lnr\\s*", "");
        answered(ctx, standIns.command(slackChannel, user, text), "command");
    }

    /** A modal's submission, as the person it was opened for, with each input's text (block, action, value in turn). */
    private void submitModal(Context ctx) {
        String viewId = ctx.pathParam("view");
        String user = data.modalUser(viewId).orElseThrow(() -> new NotFoundResponse("no such modal is open"));
        List<String> blocks = ctx.formParams("block");
        List<String> actions = ctx.formParams("action");
        List<String> values = ctx.formParams("value");
        if (blocks.size() != actions.size() || blocks.size() != values.size()) {
            throw new BadRequestResponse("each input needs its block, action and value");
        }
        Map<String, Map<String, String>> typed = new LinkedHashMap<>();
        for (int i = 0; i < blocks.size(); i++) {
            if (values.get(i).length() > MAX_BODY) throw new BadRequestResponse("value is longer than " + MAX_BODY + " characters");
            typed.computeIfAbsent(blocks.get(i), b -> new LinkedHashMap<>()).put(actions.get(i), values.get(i));
        }
        answered(ctx, standIns.submit(viewId, user, typed), "submission");
    }

    private void closeModal(Context ctx) {
        String viewId = ctx.pathParam("view");
        if (data.modalUser(viewId).isEmpty()) throw new NotFoundResponse("no such modal is open");
        standIns.closeView(viewId);
        ctx.redirect("/helpdesk/slack", HttpStatus.SEE_OTHER);
    }

    /** Shows the channel once the bot has handled the request, or after a few seconds with a word to reload. */
    private void answered(Context ctx, StandInClient.SlackAnswer answer, String what) {
        data.awaitHandled(answer.key(), HANDLING);
        ctx.redirect("/helpdesk/slack?answered=" + answer.botStatus() + "&what=" + what, HttpStatus.SEE_OTHER);
    }

    private String slackUser(Context ctx, String field) {
        return ConsoleForms.oneOf(ctx, field, data.slackUsers().stream().map(u -> (String) u.get("id")).collect(Collectors.toSet()));
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
