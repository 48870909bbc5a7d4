package dev.supportbot.bot.sandbox;

/** An error answer of the sandbox portal, rendered as RFC 7807 problem details. The detail never quotes a secret. */
final class SandboxProblem extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;

    private SandboxProblem(int status, String type, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.type = "urn:problem:portal:" + type;
        this.title = title;
    }

    static SandboxProblem badRequest(String detail) {
        return new SandboxProblem(400, "bad-request", "Bad Request", detail);
    }

    static SandboxProblem unauthorized(String detail) {
        return new SandboxProblem(401, "unauthorized", "Unauthorized", detail);
    }

    static SandboxProblem notFound(String detail) {
        return new SandboxProblem(404, "not-found", "Not Found", detail);
    }

    static SandboxProblem conflict(String detail) {
        return new SandboxProblem(409, "conflict", "Conflict", detail);
    }

    static SandboxProblem gone(String detail) {
        return new SandboxProblem(410, "gone", "Gone", detail);
    }

    static SandboxProblem rejected(String detail) {
        return new SandboxProblem(422, "validation", "Unprocessable Entity", detail);
    }

    int status() {
        return status;
    }

    /** The problem+json body. */
    Body body() {
        return new Body(type, title, status, getMessage());
    }

    record Body(String type, String title, int status, String detail) {}
}
