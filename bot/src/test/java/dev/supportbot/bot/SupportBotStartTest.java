package dev.supportbot.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportbot.bot.inbox.Dispatcher;
import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.plugin.BotPlugin;
import dev.supportbot.bot.testing.TestBots;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A start that fails stops what it already built. */
class SupportBotStartTest {
    private final List<String> closed = new ArrayList<>();

    @Test
    void a_plug_in_set_that_fails_to_build_leaves_none_of_the_plug_ins_built_before_it_running() {
        SupportBot.Builder bot = SupportBot.builder(TestBots.config(TestBots.env())).host("127.0.0.1")
                .plugins(context -> List.of(claiming("first", "a")))
                .plugins(context -> {
                    throw new IllegalStateException("cannot build");
                });

        assertThatThrownBy(bot::start).hasMessage("cannot build");
        assertThat(closed).containsExactly("first");
    }

    @Test
    void two_plug_ins_dispatching_one_source_stop_the_start_and_are_closed() {
        SupportBot.Builder bot = SupportBot.builder(TestBots.config(TestBots.env())).host("127.0.0.1")
                .plugins(context -> List.of(claiming("first", "a"), claiming("second", "b")))
                .plugins(context -> List.of(claiming("third", "a")));

        assertThatThrownBy(bot::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("two plug-ins dispatch events of source a");
        assertThat(closed).containsExactly("third", "second", "first");
    }

    private BotPlugin claiming(String name, String source) {
        return new BotPlugin() {
            @Override
            public Map<String, Dispatcher> dispatchers() {
                return Map.of(source, event -> Handled.noop(name));
            }

            @Override
            public void close() {
                closed.add(name);
            }
        };
    }
}
