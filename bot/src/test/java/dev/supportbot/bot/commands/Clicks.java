package dev.supportbot.bot.commands;

import dev.supportbot.bot.engine.CommandReplies;
import dev.supportbot.bot.engine.WorkflowEngine;
import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.inbox.InboxEvent;
import dev.supportbot.bot.plugin.ClickHandler;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** A plug-in's click handler as a test registers it: keeps the clicks it got and answers each after the commit. */
final class Clicks implements ClickHandler {
    static final String ANSWER = "click seen";

    final List<Click> received = new CopyOnWriteArrayList<>();
    private final Set<String> actionIds;
    private volatile CommandReplies replies;

    Clicks(String... actionIds) {
        this.actionIds = Set.of(actionIds);
    }

    Clicks answeringWith(WorkflowEngine engine) {
        replies = new CommandReplies(engine);
        return this;
    }

    @Override
    public Set<String> actionIds() {
        return actionIds;
    }

    @Override
    public Handled handle(Click click) {
        throw new AssertionError("the router passes the inbox event with the click");
    }

    @Override
    public Handled handle(Click click, InboxEvent cause) {
        received.add(click);
        return new Handled(click.actionId() + " seen", h -> {
            if (replies != null) replies.enqueue(h, cause, click.responseUrl(), ANSWER);
        });
    }
}
