package dev.supportbot.bot.http;

/** The outcome of checking a request signature: valid, or the reason it is refused (safe to show the caller). */
public record SignatureCheck(boolean valid, String reason) {
    public static final SignatureCheck VALID = new SignatureCheck(true, null);

    public static SignatureCheck refused(String reason) {
        return new SignatureCheck(false, reason);
    }
}
