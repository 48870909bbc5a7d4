package dev.supportbot.workflows.engine;

/** Someone on a ticket: requester, comment author, agent. */
public record Person(String name, String email) {}
