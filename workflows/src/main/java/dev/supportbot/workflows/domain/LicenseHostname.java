package dev.supportbot.workflows.domain;

import java.time.Instant;

/** A host that reported a license through usage ping, with the time it last did. */
public record LicenseHostname(String hostname, Instant usagePingLastCheckedAt) {}
