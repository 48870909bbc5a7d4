package dev.supportbot.bot.inbox;

public enum Acceptance {
    ACCEPTED,
    DUPLICATE;

    /** The word intake answers with: {@code accepted} or {@code duplicate}. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
