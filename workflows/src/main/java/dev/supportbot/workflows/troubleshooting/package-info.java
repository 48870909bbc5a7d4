/**
 * License troubleshooting (docs/handbook.md; handbook "License Troubleshooting"): the registration errors quoted in
 * ticket comments ({@link dev.supportbot.workflows.troubleshooting.RegistrationErrors}) and the workflow that notes
 * them and fixes a true-up mismatch through an approved plan. Pure: no I/O.
 */
package dev.supportbot.workflows.troubleshooting;
