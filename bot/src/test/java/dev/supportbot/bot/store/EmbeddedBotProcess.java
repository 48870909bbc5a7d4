package dev.supportbot.bot.store;

import dev.supportbot.bot.inbox.Inbox;
import dev.supportbot.bot.inbox.NewInboxEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/** A bot's database in a JVM of its own, for {@link LocalPostgresTest} to kill: stores some events, then waits. */
public final class EmbeddedBotProcess {
    static final String READY = "stored";
    static final int EVENTS = 25;

    private EmbeddedBotProcess() {}

    public static void main(String[] args) throws Exception {
        Database db = Database.openEmbedded(Path.of(args[0]), 2);
        Inbox inbox = new Inbox(db, Clock.systemUTC());
        for (int i = 1; i <= EVENTS; i++) inbox.accept(new NewInboxEvent("zendesk", "delivery:" + i, "ticket.updated", (long) i, "{}"));
        System.out.println(READY);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
