package dev.supportbot.workflows.domain;

public enum LicenseKind {
    LEGACY_FILE,
    CLOUD,
    OFFLINE
}
