package dev.supportbot.bot.portal;

import static dev.supportbot.bot.portal.MockPortal.API;
import static dev.supportbot.bot.portal.MockPortal.problem;
import static dev.supportbot.bot.portal.PortalFixtures.LICENSE_TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockserver.model.HttpRequest.request;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token and a pasted license text never reach a log line or an exception message. */
class PortalClientSecretsTest {
    private static MockPortal portal;

    @BeforeAll
    static void startPortal() {
        portal = new MockPortal();
    }

    @AfterAll
    static void stopPortal() {
        portal.close();
    }

    @BeforeEach
    void reset() {
        portal.reset();
    }

    @Test
    void a_failing_validation_logs_and_throws_without_the_license_text_or_the_token() {
        portal.server.when(request().withPath(API + "/licenses/validate")).respond(problem(503, "overloaded"));

        try (LogCapture logs = new LogCapture()) {
            Throwable thrown = catchThrowable(() -> portal.client().build().validateLicense(LICENSE_TEXT));

            assertThat(thrown).isInstanceOf(PortalException.Unavailable.class);
            assertThat(logs.lines()).isNotEmpty().allSatisfy(line -> assertThat(line)
                    .doesNotContain(LICENSE_TEXT).doesNotContain(LICENSE_TEXT.substring(0, 40)).doesNotContain(MockPortal.TOKEN));
            assertThat(thrown.getMessage()).doesNotContain(LICENSE_TEXT.substring(0, 40)).doesNotContain(MockPortal.TOKEN);
        }
    }

    @Test
    void a_server_detail_that_quotes_the_license_text_is_scrubbed_from_the_exception() {
        portal.server.when(request().withPath(API + "/licenses/validate"))
                .respond(problem(422, "cannot decode " + LICENSE_TEXT));

        Throwable thrown = catchThrowable(() -> portal.client().build().validateLicense(LICENSE_TEXT));

        assertThat(thrown).isInstanceOf(PortalException.Rejected.class);
        assertThat(thrown.getMessage()).doesNotContain(LICENSE_TEXT.substring(0, 40)).contains("[REDACTED license key]");
        assertThat(((PortalException) thrown).detail()).isEqualTo("cannot decode [REDACTED license key]");
    }

    @Test
    void retries_of_an_authenticated_call_log_the_call_but_not_the_token_or_the_query() {
        portal.answerOnce("GET", "/customers", problem(500, "boom"));
        portal.answerOnce("GET", "/customers", MockPortal.json(200, "[]"));

        try (LogCapture logs = new LogCapture()) {
            portal.client().build().findCustomerByEmail("pat@acme.example");

            assertThat(logs.lines()).singleElement().satisfies(line -> assertThat(line)
                    .contains("GET /customers", "500", "boom")
                    .doesNotContain(MockPortal.TOKEN)
                    .doesNotContain("pat@acme.example"));
        }
    }

    @Test
    void the_license_text_body_does_not_print_its_text() {
        assertThat(new LicenseText(LICENSE_TEXT).toString()).doesNotContain(LICENSE_TEXT.substring(0, 20));
    }
}
