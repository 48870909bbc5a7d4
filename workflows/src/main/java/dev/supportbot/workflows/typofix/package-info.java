/**
 * Fix an email typo (the support handbook's "Fixing typos"): the transition table is in
 * {@link dev.supportbot.workflows.typofix.TypoFix}; the plan comes from {@link dev.supportbot.workflows.plan.TypoFixPlanner}.
 *
 * <p>Decisions that are not spelled out by the handbook:
 * <ul>
 *   <li>The mistyped address is the start command's argument; from the macro, the one address in the request's subject
 *       and description (other than the requester's own) that a license was sent to. The subscription is that
 *       license's. Another single address in the request is the one the AM is asked to confirm.</li>
 *   <li>Confirmation in writing: the AM's reply repeats the address asked about or says yes to it. A reply naming
 *       another address asks about that one anew, with fresh reminders; a reply with neither changes nothing.</li>
 *   <li>The plan is proposed only when the billing account's Sold To is the mistyped (or already the corrected)
 *       address: the planner corrects whatever the Sold To holds.</li>
 * </ul>
 */
package dev.supportbot.workflows.typofix;
