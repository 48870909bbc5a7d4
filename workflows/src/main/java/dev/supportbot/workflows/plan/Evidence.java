package dev.supportbot.workflows.plan;

/** What a plan rests on, as the approver reads it: e.g. the accepted ownership proof, or the bounced mail. */
public record Evidence(String kind, String summary) {}
