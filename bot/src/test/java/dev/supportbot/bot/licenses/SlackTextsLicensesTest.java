package dev.supportbot.bot.licenses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.slack.SlackMessage;
import dev.supportbot.bot.slack.SlackTexts;
import dev.supportbot.bot.testing.SandboxPortalBot;
import dev.supportbot.workflows.ReadableTexts;
import dev.supportbot.workflows.engine.Dates;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every answer of the license lookups, as the sandbox portal's seeded licenses make them (several found, one found,
 * none, not found, hosts, bad arguments), is written for the agent who asked: dates as "1 March 2026", no enum names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackTextsLicensesTest {
    private static final List<String> NAMES = List.of("Vandelay Industries", "Art Vandelay", "Kel Varnsen", "Premium", "Ultimate");
    private SandboxPortalBot sandbox;
    private LicenseLookup lookup;

    @BeforeAll
    void start() {
        sandbox = SandboxPortalBot.start();
        lookup = new LicenseLookup(sandbox.client, sandbox.clock);
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    @Test
    void several_licenses_found_read_with_their_dates_in_words() {
        SlackMessage several = answer(lookup.reply("licenses", "Vandelay"));

        SlackTexts.assertWrittenForPeople(several, NAMES);
        assertThat(SlackTexts.of(several)).anySatisfy(t -> assertThat(t).contains("(last " + Dates.day(sandbox.d().minusDays(60)) + ")"))
                .anySatisfy(t -> assertThat(t).isEqualTo("*Expires*\n" + Dates.day(sandbox.d().plusDays(325))));
        SlackTexts.assertWrittenForPeople(answer(lookup.reply("licenses", "kel@vandelay.example")), NAMES);
    }

    @Test
    void one_license_its_hosts_and_what_is_not_found_read_for_people() {
        SlackTexts.assertWrittenForPeople(answer(lookup.reply("license", "1605")), NAMES);
        SlackTexts.assertWrittenForPeople(answer(lookup.reply("license", "1604")), NAMES);
        SlackTexts.assertWrittenForPeople(answer(lookup.reply("hosts", "1605")), NAMES);
        SlackTexts.assertWrittenForPeople(answer(lookup.reply("hosts", "1604")), NAMES);
        SlackTexts.assertWrittenForPeople(answer(lookup.reply("license", "999999")), NAMES);
        SlackTexts.assertWrittenForPeople(answer(lookup.reply("hosts", "424242")), NAMES);
        SlackTexts.assertWrittenForPeople(answer(lookup.reply("licenses", "Nobody Atall")), NAMES);
    }

    @Test
    void bad_arguments_are_answered_in_words() {
        List<String> usage = List.of(lookup.reply("licenses", " "), lookup.reply("license", "16o5"), lookup.reply("hosts", ""),
                lookup.reply("licence", "acme")).stream().map(r -> ((LookupReply.UsageError) r).text()).toList();

        ReadableTexts.assertWrittenForPeople(usage.stream().map(ReadableTexts::withoutUsageLines).toList());
    }

    private static SlackMessage answer(LookupReply reply) {
        assertThat(reply).isInstanceOf(LookupReply.Answer.class);
        return ((LookupReply.Answer) reply).message();
    }
}
