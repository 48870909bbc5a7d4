package dev.supportbot.workflows.engine;

/** Who a running instance waits on, as agents read it in {@code /lnr status} and {@code /lnr pending}. */
public enum WaitingOn {
    REQUESTER("the requester"),
    AGENT("an agent"),
    APPROVER("an approver");

    private final String words;

    WaitingOn(String words) {
        this.words = words;
    }

    /** E.g. "the requester". */
    public String words() {
        return words;
    }
}
