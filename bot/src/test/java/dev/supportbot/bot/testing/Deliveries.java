package dev.supportbot.bot.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the crash and restart tests check of the webhooks they sent: their inbox key, and the tickets read for them. */
public final class Deliveries {
    private static final Pattern TICKET_READ = Pattern.compile("/api/v2/tickets/(\\d+)\\.json");

    private Deliveries() {}

    /** The inbox's de-duplication key of a webhook's delivery id (intake keeps only its hash). */
    public static String dedupKey(String delivery) {
        try {
            return "delivery:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(delivery.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How often each ticket was read ({@code GET /api/v2/tickets/ID.json}) from the fake Zendesk, by ticket id. */
    public static Map<Long, Integer> ticketReads(FakeZendesk zendesk) {
        Map<Long, Integer> reads = new HashMap<>();
        for (FakeZendesk.Arrival a : zendesk.arrivals()) {
            Matcher m = TICKET_READ.matcher(a.path());
            if (m.matches() && a.method().equals("GET")) reads.merge(Long.parseLong(m.group(1)), 1, Integer::sum);
        }
        return reads;
    }
}
