package dev.supportbot.workflows.portalaccess;

import dev.supportbot.workflows.approved.ApprovalGate;
import dev.supportbot.workflows.engine.WorkflowSetting;
import java.time.Duration;
import java.util.List;

/** The settings of portal access help: how long its plan waits for approval. */
final class PortalAccessSettings {
    static final WorkflowSetting<Duration> APPROVAL_TTL = ApprovalGate.approvalTtl("portal_access");
    static final List<WorkflowSetting<?>> ALL = ApprovalGate.settings(APPROVAL_TTL, List.of());

    /** The reminder sequence that expires the approval. */
    static final int APPROVAL_EXPIRY = 1;

    private PortalAccessSettings() {}
}
