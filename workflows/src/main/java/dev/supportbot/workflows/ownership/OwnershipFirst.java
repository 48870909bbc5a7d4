package dev.supportbot.workflows.ownership;

/**
 * The notes of a workflow that plans a change only once ownership is verified on the ticket: while it waits for the
 * verification, and when the verification ends without verifying.
 *
 * @param prefix the workflow's name at the start of each note, e.g. {@code "Add contact: "}
 * @param planned what is planned once the requester is verified, e.g. {@code "The contact"}
 */
public record OwnershipFirst(String prefix, String planned) {

    /** {@code started}: this workflow started the verification; else it waits for one already running. */
    public String waiting(boolean started) {
        return prefix + (started ? "ownership is not verified on this ticket yet, so an ownership verification was started."
                : "waiting for the ownership verification that runs on this ticket.")
                + " " + planned + " is planned once it verifies the requester.";
    }

    public String notVerified(String result) {
        return prefix + "stopped, the ownership verification ended as \"" + result + "\". No change was planned.";
    }
}
