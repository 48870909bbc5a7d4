package dev.supportbot.bot.portal;

/**
 * One call of the portal API. {@code pathAndQuery} is relative to the API base URL. Every call may be repeated after a
 * failure: it is a GET, a {@code safe} POST that changes nothing, or a change carrying the caller's idempotency key.
 */
record PortalRequest(String method, String pathAndQuery, byte[] body, IdempotencyKey key, boolean safe) {

    PortalRequest {
        if (!safe && key == null) throw new IllegalArgumentException("every change to the portal needs an idempotency key");
    }

    static PortalRequest get(String pathAndQuery) {
        return new PortalRequest("GET", pathAndQuery, null, null, true);
    }

    static PortalRequest change(String method, String path, byte[] body, IdempotencyKey key) {
        return new PortalRequest(method, path, body, key, false);
    }

    static PortalRequest safePost(String path, byte[] body) {
        return new PortalRequest("POST", path, body, null, true);
    }

    /** "GET /customers/12": the call as messages name it, without the query (which may hold an email). */
    String describe() {
        int query = pathAndQuery.indexOf('?');
        return method + " " + (query < 0 ? pathAndQuery : pathAndQuery.substring(0, query));
    }

    @Override
    public String toString() {
        return describe();
    }
}
