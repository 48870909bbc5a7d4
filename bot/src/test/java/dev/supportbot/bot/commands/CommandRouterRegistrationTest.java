package dev.supportbot.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.engine.EnginePlugin;
import dev.supportbot.bot.engine.InstanceStore;
import dev.supportbot.bot.engine.TestEngines;
import dev.supportbot.bot.engine.WorkflowEngine;
import dev.supportbot.bot.engine.WorkflowJson;
import dev.supportbot.bot.plugin.ClickHandler;
import dev.supportbot.bot.plugin.LnrCommand;
import dev.supportbot.bot.plugin.SlashHandler;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.testing.TestBots;
import dev.supportbot.bot.testing.TestDatabases;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Policy;
import dev.supportbot.workflows.engine.SlashCommand;
import dev.supportbot.workflows.engine.Workflow;
import dev.supportbot.workflows.engine.WorkflowRegistry;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Sub-command names and button action ids are registered once each, checked when the router is built. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandRouterRegistrationTest {
    private Database db;

    @BeforeAll
    void open() {
        db = TestDatabases.open();
    }

    @AfterAll
    void close() {
        db.close();
    }

    private CommandRouter router(Workflow<?> workflow, List<SlashHandler> slash, List<ClickHandler> clicks) {
        WorkflowRegistry registry = WorkflowRegistry.of(workflow);
        WorkflowEngine engine = TestEngines.engine(registry, Clock.systemUTC());
        return CommandRouter.of(engine, new InstanceStore(db, Clock.systemUTC()), Clock.systemUTC(), List.of("U_AGENT"),
                slash, clicks);
    }

    @Test
    void help_lists_help_then_the_workflows_sub_commands_then_the_plug_ins_from_the_same_registrations() {
        CommandRouter router = router(new OwnershipVerification(), List.of(new Ping("ping")), List.of(new Clicks("approve")));
        assertThat(router.commands()).extracting(LnrCommand::usage).containsExactly(
                "/lnr help", "/lnr verify TICKET", "/lnr ov confirm-contract TICKET", "/lnr ov escalate TICKET",
                "/lnr ov reject TICKET", "/lnr ov cancel TICKET", "/lnr escalate TICKET", "/lnr ping");
        assertThat(router.helpText()).startsWith("*supportbot commands*\n• `/lnr help`: list the commands\n")
                .contains("• `/lnr ov escalate TICKET`: hand the verification to Legal & Compliance")
                .endsWith("• `/lnr ping`: answer pong");
    }

    @Test
    void a_sub_command_name_registered_twice_stops_the_router_from_being_built() {
        assertThatThrownBy(() -> router(new OwnershipVerification(), List.of(new Ping("ov")), List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessage("/lnr ov is registered twice");
        assertThatThrownBy(() -> router(new OwnershipVerification(), List.of(new Ping("ping"), new Ping("ping")), List.of()))
                .hasMessage("/lnr ping is registered twice");
        assertThatThrownBy(() -> router(new OwnershipVerification(), List.of(new Ping("help")), List.of()))
                .hasMessage("/lnr help is registered twice");
        assertThatThrownBy(() -> router(new OwnershipVerification(), List.of(new Ping("two words")), List.of()))
                .hasMessage("not a /lnr sub-command name: two words");
    }

    @Test
    void a_workflow_name_that_both_starts_and_commands_or_repeats_a_verb_is_refused() {
        SlashCommand start = SlashCommand.starting("ov", "/lnr ov TICKET", "start");
        SlashCommand cancel = SlashCommand.commanding("ov", "cancel", "/lnr ov cancel TICKET", "stop", Command.CANCEL);
        assertThatThrownBy(() -> router(new ButtonedOwnership(List.of(start, cancel), Map.of()), List.of(), List.of()))
                .hasMessage("/lnr ov both starts a workflow and gives it commands");
        assertThatThrownBy(() -> router(new ButtonedOwnership(List.of(cancel, cancel), Map.of()), List.of(), List.of()))
                .hasMessage("/lnr ov has a verb twice");
        SlashCommand direct = SlashCommand.direct("ov", "/lnr ov TICKET", "stop", Command.CANCEL);
        assertThatThrownBy(() -> router(new ButtonedOwnership(List.of(direct, cancel), Map.of()), List.of(), List.of()))
                .hasMessage("/lnr ov is both a command of its own and a name for verbs");
    }

    @Test
    void a_button_action_id_has_exactly_one_handler() {
        assertThatThrownBy(() -> router(new OwnershipVerification(), List.of(), List.of(new Clicks("approve", "reject"),
                new Clicks("reject"))))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("button action id reject is registered twice");
        assertThatThrownBy(() -> router(ButtonedOwnership.withCancelButton(), List.of(), List.of(new Clicks("ov_cancel"))))
                .hasMessageStartingWith("button action id ov_cancel is registered twice");
        assertThat(router(ButtonedOwnership.withCancelButton(), List.of(), List.of(new Clicks("approve", "reject", "retry"))))
                .isNotNull();
    }

    @Test
    void the_service_does_not_start_when_a_plug_in_registers_a_workflows_sub_command_again() {
        List<SlashHandler> clashing = List.of(new Ping("verify"));
        SupportBot.Builder bot = SupportBot.builder(TestBots.config(TestBots.env())).host("127.0.0.1").plugins(context -> {
            EnginePlugin engine = dev.supportbot.bot.Plugins.engine(context);
            try {
                return List.of(engine, new CommandsPlugin(context, engine, clashing, engine.clickHandlers()));
            } catch (RuntimeException e) {
                engine.close();
                throw e;
            }
        });
        assertThatThrownBy(bot::start).isInstanceOf(IllegalStateException.class).hasMessage("/lnr verify is registered twice");
    }
}
