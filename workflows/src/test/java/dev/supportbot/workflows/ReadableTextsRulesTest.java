package dev.supportbot.workflows;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportbot.workflows.engine.Effect;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of {@link ReadableTexts} refuse what the machinery writes and let through what people write. */
class ReadableTextsRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Ownership: waiting on SOLD_TO_APPROVAL.",
            "Approved by slack:U0SBAPPRV1 Alex Morgan.",
            "Cancelled by email:jordan@acme.example Jordan Kim.",
            "Approved by U0SBAPPRV1.",
            "Comment 1000047 quotes the invoice.",
            "Evidence: comment #1000050",
            "Run /lnr cc assist TICKET to go on.",
            "Dear {{ticket.requester.first_name}},",
            "Dear ${name},",
            "Requester: null",
            "Last usage ping 2026-03-01.",
            "Expires 2026-12-10T10:51:00Z.",
            "Renewed on 12/10/2026.",
            "Renewed on December 10, 2026.",
            "Waited 10:51:00Z.",
            "Timeout PT30S."})
    void a_text_written_by_the_machinery_is_refused(String text) {
        assertThatThrownBy(() -> ReadableTexts.assertWrittenForPeople(List.of(text))).isInstanceOf(AssertionError.class);
    }

    @Test
    void a_text_written_for_people_passes() {
        assertThatCode(() -> ReadableTexts.assertWrittenForPeople(List.of(
                "Approved by <@U0SBAPPRV1> (10 December 2026, 10:51 UTC).",
                "The requester's reply of 7 December 2026, 10:51 UTC quotes invoice INV-1001-A.",
                "Run /lnr cc assist 10004 to go on. Times are in UTC; the plan expires on 1 March 2026.")))
                .doesNotThrowAnyException();
    }

    @Test
    void a_usage_line_may_name_its_arguments_in_capitals_but_nothing_else_may() {
        String help = "• `/lnr cc assist TICKET`: help the agent. Usage: /lnr licenses NAME|EMAIL|COMPANY [--page N]";

        assertThatCode(() -> ReadableTexts.assertWrittenForPeople(List.of(ReadableTexts.withoutUsageLines(help))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ReadableTexts.assertWrittenForPeople(List.of(
                ReadableTexts.withoutUsageLines("Run /lnr cc assist 10004, then reply on TICKET."))))
                .isInstanceOf(AssertionError.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"approval needed: add a contact", "Approval Needed: add a contact", "Ownership Verified",
            "Licenses Matching \"acme\"", "3 Plans wait for approvers"})
    void a_header_not_in_sentence_case_is_refused(String header) {
        assertThatThrownBy(() -> ReadableTexts.assertSentenceCase(header, List.of("Sam Rivera")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void a_header_in_sentence_case_may_hold_names_references_and_what_someone_typed() {
        assertThatCode(() -> {
            ReadableTexts.assertSentenceCase("Approval needed: add Sam Rivera as a Sold To contact", List.of("Sam Rivera"));
            ReadableTexts.assertSentenceCase("Licenses matching \"Vandelay Industries\"", List.of());
            ReadableTexts.assertSentenceCase("License #1605", List.of());
            ReadableTexts.assertSentenceCase("3 plans wait for approvers", List.of());
            ReadableTexts.assertSentenceCase("Ownership verified with invoice INV-1001-A", List.of());
        }).doesNotThrowAnyException();
    }

    @Test
    void a_public_comment_with_backticks_or_another_sign_off_is_refused() {
        String body = "Please run `sudo gitlab-rails runner` and send us the output.";
        assertThatThrownBy(() -> ReadableTexts.assertWrittenForPeopleIn(List.of(
                new Effect.PublicComment(body + ReadableTexts.SIGN_OFF))))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ReadableTexts.assertWrittenForPeopleIn(List.of(
                new Effect.PublicComment("Done.\n\nBest regards,\nL&R Support"))))
                .isInstanceOf(AssertionError.class);
    }
}
