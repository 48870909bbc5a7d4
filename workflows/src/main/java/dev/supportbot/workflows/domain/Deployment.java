package dev.supportbot.workflows.domain;

public enum Deployment {
    SAAS,
    SELF_MANAGED
}
