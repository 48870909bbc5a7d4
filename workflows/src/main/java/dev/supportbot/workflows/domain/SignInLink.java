package dev.supportbot.workflows.domain;

import java.time.Instant;

/**
 * A one-time sign-in link the portal mailed to a customer. The link itself goes only to the customer's mailbox: this
 * record says where it went and until when it works (once).
 */
public record SignInLink(long customerId, String email, Instant expiresAt) {}
