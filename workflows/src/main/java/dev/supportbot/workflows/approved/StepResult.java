package dev.supportbot.workflows.approved;

/** How far one step of an approved plan got. */
public enum StepResult { NOT_RUN, RUNNING, DONE, ALREADY_DONE, FAILED }
