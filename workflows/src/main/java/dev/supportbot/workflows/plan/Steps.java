package dev.supportbot.workflows.plan;

import java.util.ArrayList;
import java.util.List;

/** An ordered list of changes being put together by a planner. */
final class Steps {
    private final List<PortalChange> changes = new ArrayList<>();

    Steps add(PortalChange change) {
        changes.add(change);
        return this;
    }

    Steps addIf(boolean condition, PortalChange change) {
        if (condition) changes.add(change);
        return this;
    }

    List<PortalChange> list() {
        return List.copyOf(changes);
    }
}
