/**
 * Send a license or activation code to an address other than the Sold To (docs/handbook.md, "Resend a license to
 * another address"): the transition table is in {@link dev.supportbot.workflows.resend.ResendLicense}; the plan comes
 * from {@link dev.supportbot.workflows.plan.ResendPlanner}.
 *
 * <p>Decisions that are not spelled out by the handbook:
 * <ul>
 *   <li>The address is the ticket requester's own, the one whose ownership the verification on this ticket verified.
 *       A request that names any other address is left to an agent: the bot never sends to a typed address.</li>
 *   <li>What is sent is the subscription's newest license that is not a trial: its activation code for a cloud
 *       license, its file otherwise. The portal mails it; the bot only names the license.</li>
 * </ul>
 */
package dev.supportbot.workflows.resend;
