package dev.supportbot.workflows.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every public comment the bot writes (on the ticket, on a linked ticket, opening a separate one) ends with the one
 * sign-off: the team's name by default, the {@code BOT_SIGN_OFF} setting when set; notes and Slack posts carry none.
 */
class SignOffTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:51:00Z");
    private static final List<Effect> EFFECTS = List.of(new Effect.PublicComment("Hello Sam,\n\nDone."),
            new Effect.UpdateLinkedTicket(987, "Thank you, Pat.", "solved"),
            new Effect.OpenSeparateTicket("sold-to", "Pat Lee", "pat@acme.example", "Approval request", "Hello Pat,"),
            new Effect.PrivateNote("Ownership verification: done."), new Effect.SlackMessage("Ticket #10002: done."));

    @Test
    void the_default_sign_off_is_the_teams_name_once_under_every_public_comment() {
        Context ctx = new Context(NOW, Policy.defaults(), WorkflowSettings.defaults());

        List<Effect> signed = SignOff.signed(new Decision<>("state", EFFECTS), ctx).effects();

        String closing = "\n\nBest regards,\nLicensing & Renewals Support";
        assertThat(((Effect.PublicComment) signed.get(0)).body()).isEqualTo("Hello Sam,\n\nDone." + closing);
        assertThat(((Effect.UpdateLinkedTicket) signed.get(1)).publicComment()).isEqualTo("Thank you, Pat." + closing);
        assertThat(((Effect.OpenSeparateTicket) signed.get(2)).body()).isEqualTo("Hello Pat," + closing);
        assertThat(signed.subList(3, 5)).isEqualTo(EFFECTS.subList(3, 5));
        assertThat(SignOff.isSigned("Thank you, Pat." + closing, ctx)).isTrue();
    }

    @Test
    void the_setting_names_another_team() {
        Context ctx = new Context(NOW, Policy.defaults(), WorkflowSettings.defaults().with(SignOff.SETTING, "Acme Renewals Desk"));

        List<Effect> signed = SignOff.signed(new Decision<>("state", EFFECTS), ctx).effects();

        assertThat(((Effect.PublicComment) signed.get(0)).body()).endsWith("\n\nBest regards,\nAcme Renewals Desk")
                .doesNotContain("Licensing & Renewals Support");
        assertThat(SignOff.SETTING.env()).isEqualTo("BOT_SIGN_OFF");
        assertThat(SignOff.SETTING.defaultText()).isEqualTo("Licensing & Renewals Support");
    }
}
