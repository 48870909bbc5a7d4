package dev.supportbot.bot.cli;

/** Bad command-line usage: the CLI prints the message and the command's usage on stderr and exits 2. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
