package dev.supportbot.bot.licenses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.slack.SlackBlock;
import dev.supportbot.bot.slack.SlackMessage;
import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.domain.LicenseKind;
import dev.supportbot.workflows.licenses.HostReport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A full page stays within Block Kit's limits, however long what the portal or the agent wrote. */
class LicenseBlocksTest {
    private static final String LONG = "Vandelay Industries & <Latex> Importers &&&& ".repeat(60);

    @Test
    void a_full_page_of_licenses_stays_within_slacks_limits() {
        List<License> licenses = IntStream.range(0, LicenseLookup.PAGE_SIZE).mapToObj(i -> new License(2000 + i, "A-S00006001", LONG,
                "&".repeat(400) + "@vandelay.example", LONG, "Premium", 40, 2, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2),
                LocalDate.of(2027, 1, 1), false, LicenseKind.OFFLINE)).toList();
        Page<License> page = Page.of(licenses, 1, LicenseLookup.PAGE_SIZE).orElseThrow();

        SlackMessage message = LicenseBlocks.licenses(LONG, "10 licenses", page, 2003L, "/lnr licenses x --page 2");

        assertWithinLimits(message);
        assertThat(message.blocks()).filteredOn(b -> b instanceof SlackBlock.Section s && s.mrkdwn().contains("*active*")).hasSize(1);
        assertThat(message.blocks()).filteredOn(b -> !(b instanceof SlackBlock.Header))
                .allSatisfy(b -> assertThat(b.toString()).doesNotContain("<Latex>"));
        assertThat(message.blocks().toString()).contains("&lt;Latex&gt;").contains("&amp;");
    }

    @Test
    void a_full_page_of_hosts_stays_within_slacks_limits() {
        List<HostReport> hosts = IntStream.range(0, LicenseLookup.PAGE_SIZE)
                .mapToObj(i -> new HostReport("h" + i + "." + "&".repeat(400) + ".example", Instant.parse("2026-11-01T00:00:00Z"), i % 2 == 0))
                .toList();
        SlackMessage message = LicenseBlocks.hosts(1605, Page.of(hosts, 1, LicenseLookup.PAGE_SIZE).orElseThrow(), 25, "/lnr hosts 1605 --page 2");
        assertWithinLimits(message);
    }

    /** Slack: at most 50 blocks, headers of 150 characters, sections of 3000, at most 10 fields of 2000 each. */
    private static void assertWithinLimits(SlackMessage message) {
        assertThat(message.blocks()).hasSizeLessThanOrEqualTo(50);
        for (SlackBlock block : message.blocks()) {
            if (block instanceof SlackBlock.Header h) assertThat(h.text().length()).isLessThanOrEqualTo(150);
            if (block instanceof SlackBlock.Section s) assertThat(s.mrkdwn().length()).isBetween(1, 3000);
            if (block instanceof SlackBlock.Context c) assertThat(c.mrkdwn().length()).isBetween(1, 2000);
            if (block instanceof SlackBlock.Fields f) {
                assertThat(f.mrkdwn()).hasSizeLessThanOrEqualTo(10).allSatisfy(t -> assertThat(t.length()).isBetween(1, 2000));
            }
        }
    }
}
