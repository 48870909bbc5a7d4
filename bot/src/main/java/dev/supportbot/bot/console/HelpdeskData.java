package dev.supportbot.bot.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.helpdesk.HelpdeskPeople;
import dev.supportbot.bot.json.Json;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.supportbot.bot.runs.RunText;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What the sandbox pages show, read from the stand-ins' and the sandbox portal's tables (sandbox mode only, where
 * all of it is generated demo data): tickets with their comments, the people, the Slack channel, and the portal's
 * state around a subscription with the secrets its customers hold.
 */
final class HelpdeskData {
    static final Pattern SUBSCRIPTION = Pattern.compile("A-S\\d{8}");
    private static final int MESSAGES = 50;

    private static final Set<String> STAFF = HelpdeskPeople.withRole(HelpdeskPeople.Role.STAFF).stream()
            .map(HelpdeskPeople.Person::email).collect(java.util.stream.Collectors.toSet());

    private final Jdbi jdbi;
    private final String botEmail;

    /** {@code botEmail}: the bot's own Zendesk account. */
    HelpdeskData(Jdbi jdbi, String botEmail) {
        this.jdbi = jdbi;
        this.botEmail = botEmail.toLowerCase(java.util.Locale.ROOT);
    }

    List<Map<String, Object>> tickets() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT t.id, t.subject, t.status, t.updated_at, u.name FROM sandbox_zd_ticket t
                        JOIN sandbox_zd_user u ON u.id = t.requester_id ORDER BY t.id DESC LIMIT 200""")
                .map((rs, ctx) -> row("id", rs.getLong("id"), "subject", rs.getString("subject"), "status", rs.getString("status"),
                        "requester", rs.getString("name"),
                        "updated", RunText.utc(rs.getObject("updated_at", OffsetDateTime.class).toInstant())))
                .list());
    }

    Optional<Map<String, Object>> ticket(long id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT t.id, t.subject, t.status, u.name, u.email FROM sandbox_zd_ticket t
                        JOIN sandbox_zd_user u ON u.id = t.requester_id WHERE t.id = :id""")
                .bind("id", id)
                .map((rs, ctx) -> row("id", rs.getLong("id"), "subject", rs.getString("subject"), "status", rs.getString("status"),
                        "requester", rs.getString("name"), "requesterEmail", rs.getString("email")))
                .findOne()
                .map(t -> {
                    t.put("tags", h.createQuery("SELECT tag FROM sandbox_zd_tag WHERE ticket_id = :id ORDER BY tag")
                            .bind("id", id).mapTo(String.class).list());
                    List<Map<String, Object>> comments = comments(h, id);
                    t.put("comments", comments);
                    Set<String> subscriptions = new LinkedHashSet<>(names((String) t.get("subject")));
                    comments.forEach(c -> subscriptions.addAll(names((String) c.get("body"))));
                    t.put("subscriptions", List.copyOf(subscriptions));
                    return t;
                }));
    }

    /**
     * The seeded people and anyone created since, for "write as", each marked as staff or not, and {@code chosen} when
     * they are {@code chosenEmail}. Never the bot's own account: what it does in Zendesk it ignores.
     */
    List<Map<String, Object>> people(String role, String chosenEmail) {
        return jdbi.withHandle(h -> h.createQuery("SELECT name, email FROM sandbox_zd_user WHERE role = :r AND email <> :bot ORDER BY id")
                .bind("r", role).bind("bot", botEmail)
                .map((rs, ctx) -> row("name", rs.getString("name"), "email", rs.getString("email"),
                        "staff", STAFF.contains(rs.getString("email")), "chosen", rs.getString("email").equals(chosenEmail)))
                .list());
    }

    List<Map<String, Object>> people(String role) {
        return people(role, null);
    }

    boolean isBot(String email) {
        return botEmail.equalsIgnoreCase(email.trim());
    }

    List<Map<String, Object>> slackUsers() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, real_name FROM sandbox_slack_user ORDER BY id")
                .map((rs, ctx) -> row("id", rs.getString("id"), "name", rs.getString("real_name")))
                .list());
    }

    /** The channel's messages and ephemerals, newest first, rendered as Slack shows them. */
    List<Map<String, Object>> slackMessages() {
        BlockKitView view = blockKit();
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT m.kind, m.channel, m.ts, m.text, m.blocks, m.posted_at, m.edited_at, u.real_name
                        FROM sandbox_slack_message m LEFT JOIN sandbox_slack_user u ON u.id = m.user_id
                        ORDER BY m.id DESC LIMIT :n""")
                .bind("n", MESSAGES)
                .map((rs, ctx) -> {
                    Map<String, Object> m = row("channel", rs.getString("channel"), "ts", rs.getString("ts"),
                            "html", view.messageText(rs.getString("text")),
                            "posted", RunText.utc(rs.getObject("posted_at", OffsetDateTime.class).toInstant()),
                            "ephemeral", "ephemeral".equals(rs.getString("kind")),
                            "shownTo", rs.getString("real_name") == null ? "" : rs.getString("real_name"),
                            "edited", rs.getObject("edited_at", OffsetDateTime.class) != null);
                    m.put("blocks", view.blocks(rs.getString("blocks"), rs.getString("channel"), rs.getString("ts")));
                    return m;
                })
                .list());
    }

    /** The modals the bot opened that are still open, newest first, each shown to the person it was opened for. */
    List<Map<String, Object>> openModals() {
        BlockKitView view = blockKit();
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT v.id, v.user_id, v.view_json, u.real_name FROM sandbox_slack_view v
                        JOIN sandbox_slack_user u ON u.id = v.user_id ORDER BY v.opened_at DESC""")
                .map((rs, ctx) -> {
                    JsonNode json = viewJson(rs.getString("view_json"));
                    return row("id", rs.getString("id"), "user", rs.getString("user_id"), "shownTo", rs.getString("real_name"),
                            "title", json.path("title").path("text").asText("Modal"),
                            "submit", json.path("submit").path("text").asText("Submit"),
                            "close", json.path("close").path("text").asText("Cancel"),
                            "blocks", view.blocks(json.path("blocks").toString(), null, null));
                })
                .list());
    }

    private static JsonNode viewJson(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            return Json.MAPPER.createObjectNode(); // the stand-in stores only views it parsed
        }
    }

    /** Who a modal was opened for; empty when it is not open. */
    Optional<String> modalUser(String viewId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT user_id FROM sandbox_slack_view WHERE id = :id").bind("id", viewId)
                .mapTo(String.class).findOne());
    }

    /**
     * Waits, at most {@code limit}, until the bot has handled the Slack request stored under {@code key}, so that the
     * page shown next carries its answer (a modal, an ephemeral, an updated message) as Slack would at once.
     */
    void awaitHandled(String key, Duration limit) {
        if (key == null) return;
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            boolean waiting = jdbi.withHandle(h -> h.createQuery(
                            "SELECT COUNT(*) FROM inbox WHERE dedup_key = :k AND status IN ('pending', 'processing')")
                    .bind("k", key).mapTo(Long.class).one()) > 0;
            if (!waiting) return;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Block Kit rendered with the names Slack shows for the sandbox's users and user groups. */
    private BlockKitView blockKit() {
        Map<String, String> names = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT id, real_name FROM sandbox_slack_user")
                .map((rs, ctx) -> Map.entry(rs.getString("id"), rs.getString("real_name")))
                .forEach(e -> names.put(e.getKey(), e.getValue())));
        names.put(HelpdeskPeople.APPROVERS_GROUP, "approvers");
        return new BlockKitView(new SlackMrkdwn(names::get));
    }

    /** The back end around a subscription: its account's Sold To, Bill To, members, customers, licenses, mail. */
    Optional<Map<String, Object>> portal(String subscription) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT s.name, s.deployment, s.plan, s.seats, s.start_date, s.end_date, b.* FROM sandbox_subscription s
                        JOIN sandbox_billing_account b ON b.id = s.billing_account_id WHERE s.name = :n""")
                .bind("n", subscription)
                .map((rs, ctx) -> row("name", rs.getString("name"), "deployment", rs.getString("deployment"),
                        "plan", rs.getString("plan"), "seats", rs.getInt("seats"),
                        "period", rs.getObject("start_date") + " to " + rs.getObject("end_date"),
                        "accountId", rs.getLong("id"), "company", rs.getString("company"),
                        "soldTo", person(rs.getString("sold_to_first_name"), rs.getString("sold_to_last_name"), rs.getString("sold_to_email")),
                        "billTo", rs.getString("bill_to_email") == null ? "none"
                                : person(rs.getString("bill_to_first_name"), rs.getString("bill_to_last_name"), rs.getString("bill_to_email")),
                        "reseller", rs.getString("reseller_name") == null ? "" : rs.getString("reseller_name"),
                        "domain", rs.getString("sold_to_email").substring(rs.getString("sold_to_email").indexOf('@'))))
                .findOne()
                .map(p -> {
                    long account = (Long) p.get("accountId");
                    p.put("members", h.createQuery("""
                                    SELECT c.first_name, c.last_name, c.email, c.login_activated FROM sandbox_membership m
                                    JOIN sandbox_customer c ON c.id = m.customer_id WHERE m.billing_account_id = :a ORDER BY c.id""")
                            .bind("a", account)
                            .map((rs, ctx) -> row("who", person(rs.getString("first_name"), rs.getString("last_name"), rs.getString("email")),
                                    "login", rs.getBoolean("login_activated") ? "on" : "off"))
                            .list());
                    p.put("customers", customers(h, (String) p.get("company"), (String) p.get("domain")));
                    p.put("licenses", licenses(h, subscription));
                    p.put("activationCode", h.createQuery("SELECT activation_code FROM sandbox_cloud_activation WHERE subscription_name = :n")
                            .bind("n", subscription).mapTo(String.class).findOne().orElse(""));
                    p.put("mail", mail(h, subscription, account));
                    return p;
                }));
    }

    private static List<Map<String, Object>> comments(Handle h, long ticketId) {
        return h.createQuery("""
                        SELECT c.id, c.is_public, c.body, c.created_at, u.name, u.role FROM sandbox_zd_comment c
                        JOIN sandbox_zd_user u ON u.id = c.author_id WHERE c.ticket_id = :t ORDER BY c.id""")
                .bind("t", ticketId)
                .map((rs, ctx) -> row("id", rs.getLong("id"), "public", rs.getBoolean("is_public"), "body", rs.getString("body"),
                        "author", rs.getString("name"), "role", rs.getString("role"),
                        "at", RunText.utc(rs.getObject("created_at", OffsetDateTime.class).toInstant())))
                .list();
    }

    /** The customers of the account's company: by company, by membership, or by the Sold To's mail domain. */
    private static List<Map<String, Object>> customers(Handle h, String company, String domain) {
        return h.createQuery("""
                        SELECT c.id, c.first_name, c.last_name, c.email, c.login_activated, b.company AS member_of
                        FROM sandbox_customer c LEFT JOIN sandbox_membership m ON m.customer_id = c.id
                        LEFT JOIN sandbox_billing_account b ON b.id = m.billing_account_id
                        WHERE c.company = :company OR b.company = :company OR LOWER(c.email) LIKE :domain ORDER BY c.id""")
                .bind("company", company).bind("domain", "%" + domain.toLowerCase(java.util.Locale.ROOT))
                .map((rs, ctx) -> row("id", rs.getLong("id"),
                        "who", person(rs.getString("first_name"), rs.getString("last_name"), rs.getString("email")),
                        "login", rs.getBoolean("login_activated") ? "on" : "off",
                        "memberOf", rs.getString("member_of") == null ? "none" : rs.getString("member_of")))
                .list();
    }

    private static List<Map<String, Object>> licenses(Handle h, String subscription) {
        return h.createQuery("""
                        SELECT id, licensee_name, licensee_email, plan, users_count, true_up_count, starts_at, expires_at,
                               trial, kind, license_text FROM sandbox_license WHERE subscription_name = :n ORDER BY issued_at DESC""")
                .bind("n", subscription)
                .map((rs, ctx) -> row("id", rs.getLong("id"),
                        "licensee", rs.getString("licensee_name") + " <" + rs.getString("licensee_email") + ">",
                        "what", rs.getString("plan") + ", " + rs.getInt("users_count") + " users, true-up " + rs.getInt("true_up_count")
                                + ", " + rs.getObject("starts_at") + " to " + rs.getObject("expires_at")
                                + (rs.getBoolean("trial") ? ", trial" : "") + ", " + rs.getString("kind"),
                        "text", rs.getString("license_text") == null ? "" : rs.getString("license_text")))
                .list();
    }

    /** Mail about the subscription, to the account's Sold To and Bill To, and to its licensees, newest first. */
    private static List<Map<String, Object>> mail(Handle h, String subscription, long account) {
        return h.createQuery("""
                        SELECT recipient, status, smtp_code, message, subject, occurred_at FROM sandbox_mail_delivery
                        WHERE subject LIKE :like OR recipient IN (SELECT licensee_email FROM sandbox_license WHERE subscription_name = :n)
                           OR recipient IN (SELECT sold_to_email FROM sandbox_billing_account WHERE id = :a)
                           OR recipient IN (SELECT bill_to_email FROM sandbox_billing_account WHERE id = :a)
                        ORDER BY occurred_at DESC, id DESC LIMIT 50""")
                .bind("like", "%" + subscription + "%").bind("n", subscription).bind("a", account)
                .map((rs, ctx) -> row("to", rs.getString("recipient"),
                        "status", rs.getString("status") + (rs.getObject("smtp_code") == null ? "" : " " + rs.getInt("smtp_code")),
                        "subject", rs.getString("subject"),
                        "at", RunText.utc(rs.getObject("occurred_at", OffsetDateTime.class).toInstant())))
                .list();
    }

    private static List<String> names(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        Matcher m = SUBSCRIPTION.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }

    private static String person(String first, String last, String email) {
        return (first == null ? "" : first) + " " + (last == null ? "" : last) + " <" + email + ">";
    }

    static Map<String, Object> row(Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) out.put((String) pairs[i], pairs[i + 1]);
        return out;
    }
}
