package dev.supportbot.bot.portal;

/**
 * One call of the portal API. {@code pathAndQuery} is relative to the API base URL. A call may be repeated after a
 * failure when it is a GET, carries an idempotency key, or is declared {@code safe} (a POST that changes nothing).
 */
record PortalRequest(String method, String pathAndQuery, byte[] body, IdempotencyKey key, boolean safe) {

    static PortalRequest get(String pathAndQuery) {
        return new PortalRequest("GET", pathAndQuery, null, null, true);
    }

    static PortalRequest change(String method, String path, byte[] body, IdempotencyKey key) {
        if (key == null) throw new IllegalArgumentException("every change to the portal needs an idempotency key");
        return new PortalRequest(method, path, body, key, false);
    }

    static PortalRequest safePost(String path, byte[] body) {
        return new PortalRequest("POST", path, body, null, true);
    }

    boolean retryable() {
        return safe || key != null;
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
