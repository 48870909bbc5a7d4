package dev.supportbot.workflows.domain;

/** Which contact of a billing account a change is for: Sold To, Bill To, or both at once. */
public enum ContactRole {
    SOLD_TO,
    BILL_TO,
    BOTH;

    public boolean includesSoldTo() {
        return this != BILL_TO;
    }

    public boolean includesBillTo() {
        return this != SOLD_TO;
    }
}
