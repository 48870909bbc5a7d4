/**
 * Change the subscription management contact (docs/handbook.md, handbook "Change subscription management contact
 * workflow"): the transition table is in {@link dev.supportbot.workflows.changecontact.ChangeContact}; the plans come
 * from {@link dev.supportbot.workflows.plan.ChangeContactPlanner}; texts for the requester in {@code Messages}, for
 * agents in {@code Notes}.
 *
 * <p>Decisions that are not spelled out by the handbook:
 * <ul>
 *   <li>The new contact is the ticket's requester. For the non-existing user process their name on the ticket gives
 *       the first name (first word) and the last name (the rest); a single word goes to a person.</li>
 *   <li>The requester reports the self-service change done with a plain word ("done", "completed"...) without a
 *       negation, or an agent applies the self-service macro ({@code /lnr cc check}). The subscription checked is the
 *       first one the ticket names.</li>
 *   <li>Support-assisted also on an agent's {@code /lnr cc assist}: the handbook makes it a last resort after
 *       self-service is ruled out, which is the agent's call.</li>
 *   <li>A requester whose portal account manages another billing account is asked, as when adding a contact and read
 *       with the same {@code YesNo}, whether to stop managing their current subscriptions: yes plans again with that
 *       membership removed first; no ends the run; an unclear answer is asked again once, then handed to a person. The
 *       question's reminders and expiry use the self-service wait's delays, counted from the question.</li>
 *   <li>Every plan of this workflow is a change of ownership and needs {@code change_contact.approvers} approvers.</li>
 * </ul>
 */
package dev.supportbot.workflows.changecontact;
