package dev.supportbot.bot.licenses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.slack.SlackBlock;
import dev.supportbot.bot.slack.SlackBlock.Context;
import dev.supportbot.bot.slack.SlackBlock.Divider;
import dev.supportbot.bot.slack.SlackBlock.Fields;
import dev.supportbot.bot.slack.SlackBlock.Header;
import dev.supportbot.bot.slack.SlackBlock.Section;
import dev.supportbot.bot.slack.SlackMessage;
import dev.supportbot.bot.testing.SandboxPortalBot;
import dev.supportbot.workflows.engine.Dates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The lookups against the sandbox portal over HTTP, on the seeded company Vandelay Industries (five licenses, two of
 * them trials, hosts on two domains, a stale ping).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LicenseLookupTest {
    /** One sandbox for the class: look-ups change nothing; the test that moves the clock has its own. */
    private SandboxPortalBot sandbox;

    @BeforeAll
    void start() {
        sandbox = SandboxPortalBot.start();
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    @Test
    void a_company_lookup_lists_every_license_newest_first_with_the_summary_and_the_active_one_marked() {
        LocalDate d = sandbox.d();
        LicenseLookup lookup = new LicenseLookup(sandbox.client, sandbox.clock);

        SlackMessage message = answer(lookup.reply("licenses", "  Vandelay  "));

        String summary = "5 licenses, 2 trials (last " + Dates.day(d.minusDays(60)) + "), active: #1605 Premium 40 users until "
                + Dates.day(d.plusDays(325));
        List<SlackBlock> expected = new ArrayList<>(List.of(new Header("Licenses matching \"Vandelay\""), new Section("*" + summary + "*")));
        expected.addAll(license("*#1605* · Premium · legacy file · paid · *active*", 40, 2, d.minusDays(10), d.minusDays(40),
                d.plusDays(325), "A-S00006001", "Art Vandelay (art@vandelay.example)"));
        expected.addAll(license("*#1604* · Premium · legacy file · paid", 40, 0, d.minusDays(41), d.minusDays(40), d.plusDays(325),
                "A-S00006001", "Art Vandelay (art@vandelay.example)"));
        expected.addAll(license("*#1603* · Premium · legacy file · trial", 50, 0, d.minusDays(60), d.minusDays(60), d.minusDays(30),
                "none", "Kel Varnsen (kel@vandelay.example)"));
        expected.addAll(license("*#1601* · Premium · legacy file · paid", 25, 0, d.minusDays(406), d.minusDays(405), d.minusDays(41),
                "A-S00006001", "Art Vandelay (art@vandelay.example)"));
        expected.addAll(license("*#1602* · Ultimate · legacy file · trial", 100, 0, d.minusDays(500), d.minusDays(500),
                d.minusDays(470), "none", "Kel Varnsen (kel@vandelay.example)"));
        expected.add(new Context("page 1 of 1"));
        assertThat(message.text()).isEqualTo(summary);
        assertThat(message.blocks()).containsExactlyElementsOf(expected);
        assertThat(message.buttons()).isEmpty();
    }

    @Test
    void long_answers_come_in_pages_that_name_the_command_for_the_next_page() {
        LicenseLookup lookup = new LicenseLookup(sandbox.client, sandbox.clock, 2);

        SlackMessage first = answer(lookup.reply("licenses", "vandelay"));
        assertThat(titles(first)).containsExactly("*#1605*", "*#1604*");
        assertThat(first.blocks()).last().isEqualTo(new Context("page 1 of 3 · next: `/lnr licenses vandelay --page 2`"));

        SlackMessage second = answer(lookup.reply("licenses", "vandelay --page 2"));
        assertThat(titles(second)).containsExactly("*#1603*", "*#1601*");
        assertThat(second.blocks()).last().isEqualTo(new Context("page 2 of 3 · next: `/lnr licenses vandelay --page 3`"));
        assertThat(second.blocks().get(1)).isEqualTo(first.blocks().get(1));

        SlackMessage third = answer(lookup.reply("licenses", "vandelay  --page   3"));
        assertThat(titles(third)).containsExactly("*#1602*");
        assertThat(third.blocks()).last().isEqualTo(new Context("page 3 of 3"));

        assertThat(lookup.reply("licenses", "vandelay --page 4"))
                .isEqualTo(new LookupReply.UsageError("There are 3 pages. Usage: /lnr licenses NAME|EMAIL|COMPANY [--page N]"));
        assertThat(lookup.reply("licenses", "vandelay --page 0")).isInstanceOf(LookupReply.UsageError.class);
    }

    @Test
    void an_email_finds_the_licenses_sent_to_it_and_a_customer_with_only_expired_trials_has_no_active_one() {
        LicenseLookup lookup = new LicenseLookup(sandbox.client, sandbox.clock);

        assertThat(titles(answer(lookup.reply("licenses", "ART@vandelay.example"))))
                .containsExactly("*#1605*", "*#1604*", "*#1601*");
        SlackMessage kel = answer(lookup.reply("licenses", "kel@vandelay.example"));
        assertThat(kel.text()).isEqualTo("2 licenses, 2 trials (last " + Dates.day(sandbox.d().minusDays(60)) + "), active: none");
        assertThat(kel.blocks()).noneMatch(b -> b instanceof Section s && s.mrkdwn().contains("*active*"));

        SlackMessage acme = answer(lookup.reply("licenses", "acme"));
        assertThat(acme.text()).startsWith("2 licenses, 1 trial (last ").endsWith("active: #1101 Premium 50 users until "
                + Dates.day(sandbox.d().plusDays(65)));
    }

    @Test
    void one_license_shows_its_facts_whether_it_is_the_active_one_and_its_hosts() {
        LocalDate d = sandbox.d();
        LicenseLookup lookup = new LicenseLookup(sandbox.client, sandbox.clock);

        SlackMessage active = answer(lookup.reply("license", "1605"));
        assertThat(active.text()).isEqualTo("License #1605: Premium, 40 users, paid, active");
        List<SlackBlock> expected = new ArrayList<>(List.of(new Header("License #1605")));
        expected.addAll(license("*#1605* · Premium · legacy file · paid · *active*", 40, 2, d.minusDays(10), d.minusDays(40),
                d.plusDays(325), "A-S00006001", "Art Vandelay (art@vandelay.example)").subList(1, 3));
        expected.add(new Section("Plan: the license's plan, Premium, is the plan of subscription A-S00006001."));
        expected.add(new Context("3 hosts reported it (1 stale): `/lnr hosts 1605`"));
        assertThat(active.blocks()).containsExactlyElementsOf(expected);

        SlackMessage superseded = answer(lookup.reply("license", "#1604"));
        assertThat(superseded.text()).isEqualTo("License #1604: Premium, 40 users, paid");
        assertThat(superseded.blocks()).last().isEqualTo(new Context("No host has reported this license."));

        assertThat(answer(lookup.reply("license", "999999")).text()).isEqualTo("License #999999 was not found.");
        assertThat(lookup.reply("license", "16o5"))
                .isEqualTo(new LookupReply.UsageError("Give a license id. Usage: /lnr license LICENSE"));
    }

    @Test
    void hosts_come_newest_ping_first_with_the_stale_one_marked() {
        try (SandboxPortalBot sandbox = SandboxPortalBot.start()) {
            LocalDate d = sandbox.d();
            LicenseLookup lookup = new LicenseLookup(sandbox.client, sandbox.clock);

            SlackMessage hosts = answer(lookup.reply("hosts", "1605"));

            assertThat(hosts.text()).isEqualTo("3 hosts report license #1605");
            assertThat(hosts.blocks()).containsExactly(
                    new Header("Hostnames with license #1605"),
                    new Section("`gitlab.vandelay.example` · last usage ping " + pingAt(d.minusDays(1), "04:15")),
                    new Section("`ci.vandelay.ninja` · last usage ping " + pingAt(d.minusDays(3), "12:00")),
                    new Section("`staging.vandelay.example` · last usage ping " + pingAt(d.minusDays(45), "09:30") + " · *stale* (over 30 days)"),
                    new Context("Newest ping first; pings older than 30 days are stale. page 1 of 1"));

            sandbox.clock.advance(java.time.Duration.ofDays(28));
            SlackMessage later = answer(lookup.reply("hosts", "1605"));
            assertThat(later.blocks()).filteredOn(b -> b instanceof Section s && s.mrkdwn().contains("*stale*"))
                    .extracting(b -> ((Section) b).mrkdwn().split("`")[1]).containsExactly("ci.vandelay.ninja", "staging.vandelay.example");

            assertThat(answer(lookup.reply("hosts", "1604")).text()).isEqualTo("No host has reported license #1604 through usage ping.");
            assertThat(answer(lookup.reply("hosts", "424242")).text()).isEqualTo("License #424242 was not found.");
        }
    }

    @Test
    void bad_arguments_get_the_usage_line_and_what_an_agent_types_is_escaped() {
        LicenseLookup lookup = new LicenseLookup(sandbox.client, sandbox.clock);

        assertThat(lookup.reply("licenses", "   ")).isEqualTo(
                new LookupReply.UsageError("Give a name, an email or a company. Usage: /lnr licenses NAME|EMAIL|COMPANY [--page N]"));
        assertThat(lookup.reply("licenses", "a")).isInstanceOf(LookupReply.UsageError.class);
        assertThat(lookup.reply("licenses", "x".repeat(201))).isInstanceOf(LookupReply.UsageError.class);
        assertThat(lookup.reply("hosts", "")).isInstanceOf(LookupReply.UsageError.class);
        assertThat(lookup.reply("licence", "acme")).isInstanceOf(LookupReply.UsageError.class);

        SlackMessage none = answer(lookup.reply("licenses", "<!channel> & co"));
        assertThat(none.blocks()).containsExactly(
                new Section("No license matches \"&lt;!channel&gt; &amp; co\" by licensee name, email or company."));
    }

    /** Handbook (LicenseDot Access and Use): "ensure the plan that's listed here is the one they bought". */
    @Test
    void a_license_whose_plan_differs_from_its_subscriptions_says_so() {
        try (SandboxPortalBot own = SandboxPortalBot.start()) { // its own sandbox: it changes a license
            own.bot.database().jdbi().useHandle(h -> h.execute("UPDATE sandbox_license SET plan = 'Ultimate' WHERE id = 1604"));
            LicenseLookup lookup = new LicenseLookup(own.client, own.clock);

            SlackMessage answer = answer(lookup.reply("license", "1604"));
            assertThat(answer.text()).isEqualTo("License #1604: Ultimate, 40 users, paid, plan differs from its subscription's");
            assertThat(answer.blocks()).contains(new Section("*Plan differs:* the license's plan, Ultimate, differs from the plan"
                    + " of subscription A-S00006001, Premium."));
        }
    }

    /** A ping time as every text of the bot writes it. */
    private static String pingAt(LocalDate day, String time) {
        return Dates.utcMinute(java.time.LocalDateTime.of(day, java.time.LocalTime.parse(time)).toInstant(java.time.ZoneOffset.UTC));
    }

    private static SlackMessage answer(LookupReply reply) {
        assertThat(reply).isInstanceOf(LookupReply.Answer.class);
        return ((LookupReply.Answer) reply).message();
    }

    /** The "#id" part of each license's title line. */
    private static List<String> titles(SlackMessage message) {
        return message.blocks().stream().filter(b -> b instanceof Section s && s.mrkdwn().startsWith("*#"))
                .map(b -> ((Section) b).mrkdwn().split(" ")[0]).toList();
    }

    private static List<SlackBlock> license(String title, int users, int trueUp, LocalDate issued, LocalDate starts,
            LocalDate expires, String subscription, String sentTo) {
        return List.of(new Divider(), new Section(title), new Fields(List.of("*Users*\n" + users, "*True-up*\n" + trueUp,
                "*Issued*\n" + Dates.day(issued), "*Starts*\n" + Dates.day(starts), "*Expires*\n" + Dates.day(expires),
                "*Subscription*\n" + subscription,
                "*Sent to*\n" + sentTo, "*Company*\nVandelay Industries")));
    }
}
