package dev.supportbot.workflows.typofix;

import static dev.supportbot.workflows.typofix.Flow.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.domain.CloudActivation;
import dev.supportbot.workflows.domain.MailDelivery;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.typofix.TypoFixState.*;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way the checks before a plan stop, each with the note that tells the AM why; nothing is changed in any. */
class ChecksTest {

    record Row(String name, Consumer<Flow> setUp, List<String> startArguments, StopReason why, String noteSays) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("Hooli: the activation code was used (step 1)", f -> f.ticket = request("typo in gavin@hooli.example"),
                        List.of(), StopReason.CODE_USED, "stopped at step 1: the cloud activation code was already used (1 instance activation, the first on gitlab.hooli.example at 4 October 2026, 11:20 UTC)"),
                new Row("the same by /lnr typo-fix with the address", f -> f.ticket = request("see Slack"),
                        List.of("Gavin@Hooli.example"), StopReason.CODE_USED, "already used"),
                new Row("Acme: the mail to the address was delivered (step 2)", f -> f.ticket = request("pat@acme.example has a typo"),
                        List.of(), StopReason.NO_BOUNCE, "stopped at step 2: the mail log shows no failed delivery of the license or activation-code mail to the mistyped address (the last mail to it was delivered with SMTP 250 at 2 October 2026, 14:03 UTC)"),
                new Row("only deliveries in the mail log", f -> f.mailLog.put(TYPO,
                        List.of(delivered(TYPO, "Your code"))), List.of(), StopReason.NO_BOUNCE, "stopped at step 2"),
                new Row("nothing was ever mailed to it", f -> f.mailLog.remove(TYPO), List.of(), StopReason.NO_BOUNCE,
                        "nothing was sent to it"),
                new Row("a cloud license without an activation in the portal", f -> f.activations.clear(), List.of(),
                        StopReason.NO_ACTIVATION, "has no cloud activation"),
                new Row("no address in the request", f -> f.ticket = request("please fix the typo"), List.of(),
                        StopReason.NO_MISTYPED_ADDRESS, "could not tell which address is mistyped"),
                new Row("two addresses that licenses went to", f -> f.ticket = request(TYPO + " or pat@acme.example"), List.of(),
                        StopReason.NO_MISTYPED_ADDRESS, "exactly one address"),
                new Row("no license went to the named address", f -> { }, List.of("nobody@example.com"),
                        StopReason.NO_LICENSE, "no license or activation code was sent"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void stops_with_a_note(Row row) {
        Flow flow = new Flow();
        row.setUp().accept(flow);
        flow.state = flow.workflow.initialState(row.startArguments()).orElseThrow();
        flow.start();
        if (flow.state instanceof Checking) flow.continued();
        assertThat(flow.state).isInstanceOf(Stopped.class);
        assertThat(((Stopped) flow.state).why()).isEqualTo(row.why());
        assertThat(flow.workflow.finished(flow.state)).isTrue();
        assertThat(flow.allEffects).filteredOn(e -> !(e instanceof Effect.Continue)).singleElement()
                .isInstanceOfSatisfying(Effect.PrivateNote.class, n -> assertThat(n.body()).contains(row.noteSays(), "Nothing was changed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arguments")
    void the_start_command_takes_one_address(List<String> arguments, boolean fits) {
        assertThat(new TypoFix().initialState(arguments).isPresent()).isEqualTo(fits);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> arguments() {
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of(List.of(), true),
                org.junit.jupiter.params.provider.Arguments.of(List.of(TYPO), true),
                org.junit.jupiter.params.provider.Arguments.of(List.of("not-an-address"), false),
                org.junit.jupiter.params.provider.Arguments.of(List.of(TYPO, FIXED), false));
    }

    @org.junit.jupiter.api.Test
    void the_newest_failed_delivery_is_the_evidence() {
        Flow flow = new Flow();
        Instant later = Instant.parse("2026-11-28T08:00:00Z");
        flow.mailLog.put(TYPO, List.of(new MailDelivery(TYPO, MailDelivery.Status.FAILED, 551, "user not local", "Your GitLab activation code: (resent)", later),
                new MailDelivery(TYPO, MailDelivery.Status.FAILED, 550, "5.1.1 mailbox unavailable", "Your GitLab activation code", BOUNCED_AT)));
        flow.start();
        var d = flow.continued();
        assertThat(((AwaitingConfirmation) d.state()).bounce().smtpCode()).isEqualTo(551);
        assertThat(notes(d)).contains("Time: 28 November 2026, 08:00 UTC", "SMTP: 551 user not local");
    }

    @org.junit.jupiter.api.Test
    void a_used_code_stops_even_when_the_mail_bounced() {
        Flow flow = new Flow();
        flow.activations.put(UMBRELLA_SUBSCRIPTION, new CloudActivation(UMBRELLA_SUBSCRIPTION, List.of(
                new CloudActivation.InstanceActivation("i-1", "gitlab.umbrella.example", Instant.parse("2026-11-30T00:00:00Z")))));
        flow.start();
        flow.continued();
        assertThat(((Stopped) flow.state).why()).isEqualTo(StopReason.CODE_USED);
    }
}
