package dev.supportbot.bot.licenses;

import dev.supportbot.bot.slack.SlackBlock;
import dev.supportbot.bot.slack.SlackMessage;
import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.licenses.HostReport;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Block Kit of the lookups' answers. Text from the portal or the agent is escaped for mrkdwn. */
final class LicenseBlocks {
    private static final int HEADER_MAX = 150;
    private static final DateTimeFormatter PING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

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

    static SlackMessage license(License l, boolean active, List<HostReport> hosts) {
        long stale = hosts.stream().filter(HostReport::stale).count();
        String hostLine = hosts.isEmpty() ? "No host has reported this license."
                : hosts.size() + (hosts.size() == 1 ? " host" : " hosts") + " reported it (" + stale + " stale): `/lnr hosts " + l.id() + "`";
        return SlackMessage.blocks("License #" + l.id() + ": " + l.plan() + ", " + l.usersCount() + " users, "
                        + (l.trial() ? "trial" : "paid") + (active ? ", active" : ""),
                List.of(new SlackBlock.Header(header("License #" + l.id())),
                        new SlackBlock.Section(title(l, active)),
                        new SlackBlock.Fields(fields(l)),
                        new SlackBlock.Context(hostLine)));
    }

    static SlackMessage hosts(long licenseId, Page<HostReport> page, int count, String nextCommand) {
        if (count == 0) {
            String text = "No host has reported license #" + licenseId + " through usage ping.";
            return SlackMessage.blocks(text, List.of(new SlackBlock.Header(header("Hostnames with license #" + licenseId)),
                    new SlackBlock.Section(text)));
        }
        List<String> lines = page.items().stream().map(h -> "`" + escape(h.hostname()) + "` · last usage ping "
                + PING.format(h.lastPing()) + (h.stale() ? " · *stale* (over 30 days)" : "")).toList();
        return SlackMessage.blocks(count + (count == 1 ? " host reports" : " hosts report") + " license #" + licenseId,
                List.of(new SlackBlock.Header(header("Hostnames with license #" + licenseId)),
                        new SlackBlock.Section(String.join("\n", lines)),
                        new SlackBlock.Context("Newest ping first; pings older than 30 days are stale. " + pageLine(page, nextCommand))));
    }

    /** {@code *#1605* · Premium · legacy file · paid · *ACTIVE*}. */
    static String title(License l, boolean active) {
        return "*#" + l.id() + "* · " + escape(l.plan()) + " · " + kind(l) + " · " + (l.trial() ? "trial" : "paid")
                + (active ? " · *ACTIVE*" : "");
    }

    static List<String> fields(License l) {
        return List.of(
                "*Users*\n" + l.usersCount(),
                "*True-up*\n" + l.trueUpCount(),
                "*Issued*\n" + l.issuedAt(),
                "*Starts*\n" + l.startsAt(),
                "*Expires*\n" + l.expiresAt(),
                "*Subscription*\n" + (l.subscriptionName() == null ? "none" : escape(l.subscriptionName())),
                "*Sent to*\n" + escape(l.licenseeName()) + " (" + escape(l.licenseeEmail()) + ")",
                "*Company*\n" + (l.licenseeCompany() == null ? "none" : escape(l.licenseeCompany())));
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

    /** Slack's three mrkdwn control characters. */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
