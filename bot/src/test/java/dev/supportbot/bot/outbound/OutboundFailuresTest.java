package dev.supportbot.bot.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportbot.bot.outbound.OutboundException.Failure;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Every adapter's failures are worded here: no answer is "unreachable", an answer we cannot use is "bad response". */
class OutboundFailuresTest {
    static final String CODE = "aB3dE5fG7hJ9kL1mN2pQ4rS6";

    @Test
    void no_answer_is_unreachable_and_retryable_whatever_wraps_it() {
        for (Throwable noAnswer : new Throwable[] {new ConnectException("Connection refused"), new SocketTimeoutException(),
                new HttpTimeoutException("request timed out"), new TimeoutException(),
                new ExecutionException(new ConnectException("Connection refused")),
                new RuntimeException(new ExecutionException(new IOException("Connection reset")))}) {
            OutboundException e = OutboundFailures.classify("Zendesk", "get ticket 42", noAnswer);
            assertThat(e.failure()).as(noAnswer.toString()).isEqualTo(Failure.UNAVAILABLE);
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).startsWith("Zendesk: get ticket 42: unreachable (");
        }
        assertThat(OutboundFailures.classify("Slack", "post to C1", new ExecutionException(new ConnectException("x"))).getMessage())
                .isEqualTo("Slack: post to C1: unreachable (ConnectException)");
    }

    @Test
    void an_answer_that_cannot_be_read_is_a_bad_response_without_its_text() throws Exception {
        JsonParseException parse;
        try {
            new ObjectMapper().readTree("{\"note\": " + CODE + "}");
            throw new AssertionError("parsed");
        } catch (JsonParseException e) {
            parse = e;
        }
        assertThat(parse.getMessage()).contains(CODE); // the parser quotes the answer: it must not reach our message
        for (Throwable unreadable : new Throwable[] {parse, new ExecutionException(parse),
                new RuntimeException(new ExecutionException(new IllegalArgumentException(
                        "Unexpected value of the idempotency lookup header: <absent>")))}) {
            OutboundException e = OutboundFailures.classify("Zendesk", "create a ticket", unreadable);
            assertThat(e.failure()).as(unreadable.toString()).isEqualTo(Failure.BAD_RESPONSE);
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).startsWith("Zendesk: create a ticket: bad response (")
                    .doesNotContain(CODE, "idempotency lookup header");
            assertThat(e.getCause()).isNull();
        }
        assertThat(OutboundFailures.classify("Zendesk", "create a ticket",
                        new ExecutionException(new IllegalArgumentException("x"))).getMessage())
                .isEqualTo("Zendesk: create a ticket: bad response (IllegalArgumentException)");
    }

    @Test
    void a_bad_response_names_what_was_missing_in_our_words() {
        OutboundException e = OutboundFailures.badResponse("Issue tracker", "open an issue", "no iid or web_url");
        assertThat(e.failure()).isEqualTo(Failure.BAD_RESPONSE);
        assertThat(e.getMessage()).isEqualTo("Issue tracker: open an issue: bad response (no iid or web_url)");
    }
}
