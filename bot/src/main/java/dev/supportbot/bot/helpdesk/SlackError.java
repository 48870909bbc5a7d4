package dev.supportbot.bot.helpdesk;

/** A Slack Web API refusal: answered as Slack does, HTTP 200 with {@code {"ok": false, "error": code}}. */
final class SlackError extends RuntimeException {
    final String code;

    SlackError(String code) {
        super(code, null, false, false);
        this.code = code;
    }
}
