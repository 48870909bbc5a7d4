/**
 * Add a subscription management contact (docs/handbook.md, handbook "Add subscription management contact"): the
 * transition table is in {@link dev.supportbot.workflows.addcontact.AddContact}; the plan comes from
 * {@link dev.supportbot.workflows.plan.AddContactPlanner}; every customer-facing text in {@code Messages}, agent-facing
 * texts in {@code InternalNotes}.
 *
 * <p>Decisions that are not spelled out by the handbook:
 * <ul>
 *   <li>Ownership must be verified on the same ticket: the run reads the newest verification's outcome, starts one when
 *       there is none (or the last one ended without verifying) and waits for it to finish. The subscription is the
 *       one that verification verified.</li>
 *   <li>The requester's yes/no answer is read plainly (a yes word without a no word, or the reverse); an unclear
 *       answer is asked again once, then handed to a person.</li>
 *   <li>A rejected or expired plan gets no public comment: why the approvers said no is internal, and the agent
 *       decides what to tell the requester (often after planning again).</li>
 *   <li>A failed step waits for an approver's retry from that step; there is no expiry on a failed plan, the agent can
 *       cancel it.</li>
 * </ul>
 */
package dev.supportbot.workflows.addcontact;
