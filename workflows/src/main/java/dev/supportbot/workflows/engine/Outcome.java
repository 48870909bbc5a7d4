package dev.supportbot.workflows.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a workflow instance came to, as other workflows on the same ticket may rely on it: e.g. ownership
 * verification's {@code verified} with the subscription it verified. {@code details} hold names and ids only.
 *
 * @param kind     the workflow's kind
 * @param result   a word the workflow defines ({@code verified}, {@code rejected}, {@code running}...)
 * @param finished whether the instance is final
 */
public record Outcome(String kind, String result, boolean finished, Map<String, String> details) {
    /** The outcome every workflow shares: ownership verified. Detail {@link #SUBSCRIPTION}, {@link #PROOF}. */
    public static final String VERIFIED = "verified";
    public static final String SUBSCRIPTION = "subscription";
    public static final String PROOF = "proof";

    public Outcome {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** An outcome whose details are the subscription and the approval, each when known (null: left out). */
    public static Outcome of(String kind, String result, boolean finished, String subscription, Long approval) {
        Map<String, String> details = new LinkedHashMap<>();
        if (subscription != null) details.put(SUBSCRIPTION, subscription);
        if (approval != null) details.put("approval", approval.toString());
        return new Outcome(kind, result, finished, details);
    }

    public boolean is(String wanted) {
        return result.equals(wanted);
    }

    public Optional<String> detail(String name) {
        return Optional.ofNullable(details.get(name));
    }
}
