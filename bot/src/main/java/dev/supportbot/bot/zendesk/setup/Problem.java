package dev.supportbot.bot.zendesk.setup;

import java.nio.file.Path;

/** One thing wrong with the set-up files: in a file at a line, or (line 0) about the directory as a whole. */
public record Problem(Path file, int line, String message) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
