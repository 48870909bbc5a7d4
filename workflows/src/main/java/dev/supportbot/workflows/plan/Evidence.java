package dev.supportbot.workflows.plan;

/** What a plan rests on, as the approver reads it: e.g. the accepted ownership proof, or the bounced mail. */
public record Evidence(String kind, String summary) {
    /**
     * The kind of evidence of a plan that changes a Sold To whose email the Bill To shares: the Bill To stays, and
     * separating the two is the Billing team's, who get the ticket after the plan ran.
     */
    public static final String SHARED_BILL_TO = "Bill To shares the Sold To's email";
}
