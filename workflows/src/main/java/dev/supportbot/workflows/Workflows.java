package dev.supportbot.workflows;

import dev.supportbot.workflows.addcontact.AddContact;
import dev.supportbot.workflows.changecontact.ChangeContact;
import dev.supportbot.workflows.engine.WorkflowRegistry;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import dev.supportbot.workflows.portalaccess.PortalAccess;
import dev.supportbot.workflows.resend.ResendLicense;
import dev.supportbot.workflows.troubleshooting.LicenseTroubleshooting;
import dev.supportbot.workflows.typofix.TypoFix;

/** The workflows the bot runs: adding one is a package beside {@code ownership} and one entry here. */
public final class Workflows {
    public static final WorkflowRegistry ALL = WorkflowRegistry.of(
            new OwnershipVerification(),
            new AddContact(),
            new LicenseTroubleshooting(),
            new TypoFix(),
            new ChangeContact(),
            new ResendLicense(),
            new PortalAccess());

    private Workflows() {}
}
