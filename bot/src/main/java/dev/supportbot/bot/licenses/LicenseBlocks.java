package dev.supportbot.bot.licenses;

import dev.supportbot.bot.slack.SlackBlock;
import dev.supportbot.bot.slack.SlackMessage;
import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.engine.Dates;
import dev.supportbot.workflows.licenses.HostReport;
import dev.supportbot.workflows.licenses.LicensePlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Block Kit of the lookups' answers. Text from the portal or the agent is cut to {@link #VALUE_MAX} characters and
 * escaped for mrkdwn, so that no block passes Slack's limits (a field 2000 characters, a section 3000) whatever the
 * portal holds; each host gets a section of its own for the same reason.
 */
final class LicenseBlocks {
    private static final int HEADER_MAX = 150;
    /** Escaping makes a character at most 5 long ({@code &amp;}): 300 stay under a field's 2000 with room for a label. */
    static final int VALUE_MAX = 300;
    private static final int FIELD_VALUE_MAX = 1900;

    private LicenseBlocks() {}

    static SlackMessage licenses(String query, String summary, Page<License> page, Long activeId, String nextCommand) {
        List<SlackBlock> blocks = new ArrayList<>();
        blocks.add(new SlackBlock.Header(header("Licenses matching \"" + query + "\"")));
        blocks.add(new SlackBlock.Section("*" + escape(summary) + "*"));
        for (License l : page.items()) {
            blocks.add(new SlackBlock.Divider());
            blocks.add(new SlackBlock.Section(title(l, activeId != null && activeId == l.id())));
            blocks.add(new SlackBlock.Fields(fields(l)));
        }
        blocks.add(new SlackBlock.Context(pageLine(page, nextCommand)));
        return SlackMessage.blocks(summary, blocks);
    }

    static SlackMessage noLicenses(String query) {
        String text = "No license matches \"" + query + "\" by licensee name, email or company.";
        return SlackMessage.blocks(text, List.of(new SlackBlock.Section(escape(text))));
    }

    /** @param plan the license's plan against its subscription's, null when it has no subscription */
    static SlackMessage license(License l, boolean active, List<HostReport> hosts, LicensePlan plan) {
        long stale = hosts.stream().filter(HostReport::stale).count();
        String hostLine = hosts.isEmpty() ? "No host has reported this license."
                : hosts.size() + (hosts.size() == 1 ? " host" : " hosts") + " reported it (" + stale + " stale): `/lnr hosts " + l.id() + "`";
        List<SlackBlock> blocks = new ArrayList<>(List.of(new SlackBlock.Header(header("License #" + l.id())),
                new SlackBlock.Section(title(l, active)),
                new SlackBlock.Fields(fields(l))));
        if (plan != null) blocks.add(new SlackBlock.Section((plan.agrees() ? "Plan: " : "*Plan differs:* ") + escape(plan.words()) + "."));
        blocks.add(new SlackBlock.Context(hostLine));
        return SlackMessage.blocks("License #" + l.id() + ": " + l.plan() + ", " + l.usersCount() + " users, "
                        + (l.trial() ? "trial" : "paid") + (active ? ", active" : "")
                        + (plan != null && !plan.agrees() ? ", plan differs from its subscription's" : ""), blocks);
    }

    static SlackMessage hosts(long licenseId, Page<HostReport> page, int count, String nextCommand) {
        if (count == 0) {
            String text = "No host has reported license #" + licenseId + " through usage ping.";
            return SlackMessage.blocks(text, List.of(new SlackBlock.Header(header("Hostnames with license #" + licenseId)),
                    new SlackBlock.Section(text)));
        }
        List<SlackBlock> blocks = new ArrayList<>();
        blocks.add(new SlackBlock.Header(header("Hostnames with license #" + licenseId)));
        for (HostReport h : page.items()) {
            blocks.add(new SlackBlock.Section("`" + escape(h.hostname()) + "` · last usage ping " + Dates.utcMinute(h.lastPing())
                    + (h.stale() ? " · *stale* (over 30 days)" : "")));
        }
        blocks.add(new SlackBlock.Context("Newest ping first; pings older than 30 days are stale. " + pageLine(page, nextCommand)));
        return SlackMessage.blocks(count + (count == 1 ? " host reports" : " hosts report") + " license #" + licenseId, blocks);
    }

    /** {@code *#1605* · Premium · legacy file · paid · *active*}. */
    static String title(License l, boolean active) {
        return "*#" + l.id() + "* · " + escape(l.plan()) + " · " + kind(l) + " · " + (l.trial() ? "trial" : "paid")
                + (active ? " · *active*" : "");
    }

    static List<String> fields(License l) {
        return List.of(
                field("Users", String.valueOf(l.usersCount())),
                field("True-up", String.valueOf(l.trueUpCount())),
                field("Issued", Dates.day(l.issuedAt())),
                field("Starts", Dates.day(l.startsAt())),
                field("Expires", Dates.day(l.expiresAt())),
                field("Subscription", l.subscriptionName() == null ? "none" : escape(l.subscriptionName())),
                field("Sent to", escape(l.licenseeName()) + " (" + escape(l.licenseeEmail()) + ")"),
                field("Company", l.licenseeCompany() == null ? "none" : escape(l.licenseeCompany())));
    }

    /** A label and its value; the value is cut where two escaped values together would pass a field's 2000 characters. */
    private static String field(String label, String value) {
        return "*" + label + "*\n" + (value.length() <= FIELD_VALUE_MAX ? value : value.substring(0, FIELD_VALUE_MAX - 1) + "…");
    }

    private static String kind(License l) {
        return l.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String pageLine(Page<?> page, String nextCommand) {
        return "page " + page.number() + " of " + page.total() + (page.hasNext() ? " · next: `" + escape(nextCommand) + "`" : "");
    }

    private static String header(String text) {
        return text.length() <= HEADER_MAX ? text : text.substring(0, HEADER_MAX - 1) + "…";
    }

    /** Cut to {@link #VALUE_MAX}, then Slack's three mrkdwn control characters escaped. */
    static String escape(String text) {
        if (text == null) return "";
        String cut = text.length() <= VALUE_MAX ? text : text.substring(0, VALUE_MAX - 1) + "…";
        return cut.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
