package dev.supportbot.bot.outbound;

import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * The one place that words a failed outbound call, for every adapter: "unreachable" when no answer came (connection
 * refused or reset, timeout), "bad response" when an answer came that the API does not promise (unparseable JSON, a
 * field or header missing, a client library refusing to parse it). Messages name the system, the operation and the
 * exception's class, never an exception's message or a body: those can hold customer text. For the same reason a
 * bad response keeps no cause (a parser's message quotes the text it choked on).
 */
public final class OutboundFailures {
    private OutboundFailures() {}

    /** {@code system} and {@code what} prefix the message, e.g. "Zendesk", "create a ticket". */
    public static OutboundException classify(String system, String what, Throwable thrown) {
        Throwable unreachable = null;
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isParseFailure(t)) return badResponse(system, what, t.getClass().getSimpleName());
            if (unreachable == null && isTransportFailure(t)) unreachable = t;
        }
        if (unreachable instanceof InterruptedException) {
            return new OutboundException(OutboundException.Failure.UNAVAILABLE, prefix(system, what) + "interrupted", null, thrown);
        }
        if (unreachable != null) return unreachable(system, what, unreachable);
        return badResponse(system, what, root(thrown).getClass().getSimpleName());
    }

    public static OutboundException unreachable(String system, String what, Throwable cause) {
        return new OutboundException(OutboundException.Failure.UNAVAILABLE,
                prefix(system, what) + "unreachable (" + cause.getClass().getSimpleName() + ")", null, cause);
    }

    /** {@code detail} says what was wrong with the answer, in our words, e.g. "no ticket id". */
    public static OutboundException badResponse(String system, String what, String detail) {
        return new OutboundException(OutboundException.Failure.BAD_RESPONSE, prefix(system, what) + "bad response (" + detail + ")");
    }

    private static boolean isParseFailure(Throwable t) {
        return t instanceof JacksonException || t instanceof IllegalArgumentException || t instanceof IllegalStateException
                || t instanceof NullPointerException || t instanceof ClassCastException || isGsonParseFailure(t.getClass());
    }

    /** Slack's SDK parses with Gson, which this module does not otherwise depend on. */
    private static boolean isGsonParseFailure(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals("com.google.gson.JsonParseException")) return true;
        }
        return false;
    }

    private static boolean isTransportFailure(Throwable t) {
        return t instanceof IOException || t instanceof TimeoutException || t instanceof InterruptedException;
    }

    private static Throwable root(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }

    private static String prefix(String system, String what) {
        return system + ": " + what + ": ";
    }
}
