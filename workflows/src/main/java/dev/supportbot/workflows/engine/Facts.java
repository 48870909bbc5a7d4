package dev.supportbot.workflows.engine;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The answers to a decision's {@link FactRequest}s: each request is either found (with a value) or not found.
 * Immutable. Asking for a request that was never answered is a bug in the caller and throws.
 */
public final class Facts {
    private static final Facts NONE = new Facts(Map.of());

    private final Map<FactRequest<?>, Optional<Object>> answers;

    private Facts(Map<FactRequest<?>, Optional<Object>> answers) {
        this.answers = Collections.unmodifiableMap(new HashMap<>(answers));
    }

    public static Facts none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The answer to {@code request}: empty when the portal has no such thing. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> find(FactRequest<T> request) {
        Optional<Object> answer = answers.get(request);
        if (answer == null) throw new MissingFactException(request);
        return (Optional<T>) answer;
    }

    public boolean answers(FactRequest<?> request) {
        return answers.containsKey(request);
    }

    public Set<FactRequest<?>> requests() {
        return answers.keySet();
    }

    @Override
    public String toString() {
        return "Facts" + answers;
    }

    public static final class Builder {
        private final Map<FactRequest<?>, Optional<Object>> answers = new HashMap<>();

        private Builder() {}

        public <T> Builder found(FactRequest<T> request, T value) {
            return put(request, value);
        }

        public Builder notFound(FactRequest<?> request) {
            answers.put(request, Optional.empty());
            return this;
        }

        /**
         * For callers that hold a {@code FactRequest<?>}: {@code value} must be of the request's
         * {@link FactRequest#resultType()}; null means not found.
         */
        public Builder put(FactRequest<?> request, Object value) {
            if (value != null && !request.resultType().isInstance(value)) {
                throw new IllegalArgumentException(request + " answered with a " + value.getClass().getSimpleName());
            }
            answers.put(request, Optional.ofNullable(value));
            return this;
        }

        public Facts build() {
            return new Facts(answers);
        }
    }

    /** A decision asked for a fact the caller did not supply: the caller skipped {@code factsNeeded}. */
    public static final class MissingFactException extends IllegalStateException {
        public MissingFactException(FactRequest<?> request) {
            super("fact not supplied: " + request);
        }
    }
}
