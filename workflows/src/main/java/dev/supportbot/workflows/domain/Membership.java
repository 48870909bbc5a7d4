package dev.supportbot.workflows.domain;

/** Links one customer to one billing account. A customer has at most one. */
public record Membership(long id, long customerId, long billingAccountId) {}
