package dev.supportbot.bot.helpdesk;

/** A refusal of the Zendesk stand-in, answered as Zendesk does: the status and {@code {"error", "description"}}. */
final class ZendeskError extends RuntimeException {
    final int status;
    final String error;

    ZendeskError(int status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
    }

    static ZendeskError notFound(String what) {
        return new ZendeskError(404, "RecordNotFound", what + " not found");
    }

    static ZendeskError invalid(String description) {
        return new ZendeskError(422, "RecordInvalid", description);
    }

    static ZendeskError badRequest(String description) {
        return new ZendeskError(400, "InvalidValue", description);
    }
}
