package dev.supportbot.workflows.troubleshooting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.troubleshooting.RegistrationError.TrueUpMismatch;
import dev.supportbot.workflows.troubleshooting.RegistrationError.UsersOverLimit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both registration errors as customers paste them into tickets, and texts that only look like them. */
class RegistrationErrorsTest {

    static Stream<Arguments> comments() {
        return Stream.of(
                Arguments.of("the handbook's false error, verbatim",
                        "During the year before this license started, this GitLab installation had 0 active users, exceeding "
                                + "this license's limit of 5 by -5 users. Please upload a license for at least 0 users or contact "
                                + "sales at renewals@gitlab.com",
                        List.of(new UsersOverLimit(0, 5))),
                Arguments.of("inside a longer message with a greeting and a signature",
                        """
                        Hi team,

                        we renewed last week but the new key does not go in. The admin page says:

                        During the year before this license started, this GitLab installation had 57 active users, exceeding this license's limit of 50 by 7 users. Please upload a license for at least 57 users or contact sales at renewals@gitlab.com

                        Can you help? Our instance is gitlab.vandelay.example.

                        Thanks,
                        Art Vandelay
                        Vandelay Industries""",
                        List.of(new UsersOverLimit(57, 50))),
                Arguments.of("quoted by the mail client and re-flowed mid-sentence",
                        """
                        On Mon, Nov 30, 2026 at 9:14 AM Art Vandelay <art@vandelay.example> wrote:
                        > I get this when I upload the license:
                        >
                        > During the year before this license started, this GitLab installation
                        > had 1,204 active users, exceeding this license's limit of 1,000 by
                        > 204 users. Please upload a license for at least 1,204 users
                        """,
                        List.of(new UsersOverLimit(1204, 1000))),
                Arguments.of("nested quotes, a typographic apostrophe and a European separator",
                        "> > this GitLab installation had 1.250 active\n> > users, exceeding this license\u2019s limit of 1.000 by 250 users.",
                        List.of(new UsersOverLimit(1250, 1000))),
                Arguments.of("a no-break space as thousands separator and between words",
                        "installation had 2\u00A0500\u00A0active users, exceeding this license's limit of 2\u202F000 by 500 users",
                        List.of(new UsersOverLimit(2500, 2000))),
                Arguments.of("newer wording: currently has",
                        "This GitLab installation currently has 12 active users, exceeding this license's limit of 10 by 2 users.",
                        List.of(new UsersOverLimit(12, 10))),
                Arguments.of("the true-up error, verbatim",
                        "You have applied a True-up for 2 users but you need one for 3 users.",
                        List.of(new TrueUpMismatch(2, 3))),
                Arguments.of("the true-up error pasted as a quote in markdown with bold, re-flowed",
                        """
                        Hello, uploading the renewal gives:

                        > **You have applied a True-up for 8 users but you
                        > need one for 14 users.**

                        What should we do? We already paid the true-up.""",
                        List.of(new TrueUpMismatch(8, 14))),
                Arguments.of("the true-up error with separators and odd casing",
                        "error: you have applied a true up for 1,000 users but you need one for 1,150 users",
                        List.of(new TrueUpMismatch(1000, 1150))),
                Arguments.of("HTML apostrophe from a forwarded message, then the true-up error",
                        "had 30 active users, exceeding this license&#39;s limit of 25 by 5 users.\n"
                                + "After buying more seats: You have applied a True-up for 3 users but you need one for 5 users",
                        List.of(new UsersOverLimit(30, 25), new TrueUpMismatch(3, 5))),
                Arguments.of("the same error quoted twice counts once",
                        "You have applied a True-up for 2 users but you need one for 3 users.\n\n"
                                + "> You have applied a True-up for 2 users but you need one for 3 users.",
                        List.of(new TrueUpMismatch(2, 3))),
                Arguments.of("a question about users is no error",
                        "How many active users do you have? We had 40 active users last year and our limit is 50.",
                        List.of()),
                Arguments.of("a license key question is no error",
                        "Please resend the license, the old one expired.", List.of()),
                Arguments.of("an absurd count is not a user count",
                        "had 99999999999 active users, exceeding this license's limit of 5 by 1 users", List.of()),
                Arguments.of("a count longer than a long is ignored, not a crash",
                        "had 1234567890123456789012345 active users, exceeding this license's limit of 5", List.of()),
                Arguments.of("empty", "", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comments")
    void finds_the_errors(String why, String comment, List<RegistrationError> expected) {
        assertThat(RegistrationErrors.find(comment)).containsExactlyElementsOf(expected);
    }
}
