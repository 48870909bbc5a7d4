package dev.supportbot.bot.plugin;

import dev.supportbot.bot.inbox.Handled;
import java.util.List;

/**
 * A {@code /lnr} sub-command besides the workflows' own (e.g. {@code licenses}, {@code status}), registered by a
 * plug-in. The router has already checked that the caller is an agent; the answer goes out after the commit, through
 * {@link SlashCall#answer}.
 */
public interface SlashHandler {

    /** The first word after {@code /lnr}; unique among all sub-commands. */
    String name();

    /** Its lines in {@code /lnr help}, also the answer to a bad argument. */
    List<LnrCommand> help();

    Handled handle(SlashCall call) throws Exception;
}
