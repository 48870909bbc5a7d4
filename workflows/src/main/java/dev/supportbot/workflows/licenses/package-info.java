/**
 * Rules about a customer's licenses as the seeds "LicenseDot Access and Use" and "License Troubleshooting" use them:
 * which license is the active one, the one-line summary of a customer's licenses, and the hosts that report a license.
 * Pure: no I/O.
 */
package dev.supportbot.workflows.licenses;
