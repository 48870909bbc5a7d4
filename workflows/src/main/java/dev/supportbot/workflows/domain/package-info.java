/**
 * The portal back end's entities as the workflows see them: plain records, no transport or storage types.
 * The portal client (bot) returns these; the sandbox portal serves them; the workflows decide on them.
 * None of them ever carries a secret (activation code or license text).
 */
package dev.supportbot.workflows.domain;
