package dev.supportbot.workflows.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The workflows the bot runs, found by the tag that starts them or by their kind. */
public final class WorkflowRegistry {
    private final Map<String, Workflow<?>> byKind = new LinkedHashMap<>();
    private final Map<String, Workflow<?>> byStartTag = new LinkedHashMap<>();

    private WorkflowRegistry(List<Workflow<?>> workflows) {
        for (Workflow<?> w : workflows) {
            if (byKind.putIfAbsent(w.kind(), w) != null) throw new IllegalArgumentException("duplicate kind " + w.kind());
            if (byStartTag.putIfAbsent(w.startTag(), w) != null) {
                throw new IllegalArgumentException("duplicate start tag " + w.startTag());
            }
        }
    }

    public static WorkflowRegistry of(Workflow<?>... workflows) {
        return new WorkflowRegistry(List.of(workflows));
    }

    public Optional<Workflow<?>> forStartTag(String tag) {
        return Optional.ofNullable(byStartTag.get(tag));
    }

    public Optional<Workflow<?>> forKind(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    public List<Workflow<?>> all() {
        return List.copyOf(byKind.values());
    }
}
