/**
 * Ownership verification (docs/handbook.md, handbook "Ownership verification"): the transition table is in
 * {@link dev.supportbot.workflows.ownership.OwnershipVerification}; the rules for each proof in
 * {@code ProofRules}; every customer-facing text in {@code Messages}; agent-facing texts in {@code InternalNotes}.
 *
 * <p>Decisions that are not spelled out by the handbook:
 * <ul>
 *   <li>No resting "proof received" state: facts are fetched before {@code decide}, so a proof is received and
 *       checked in one transition; what was accepted is kept as {@code Evidence} in {@code Verified}.</li>
 *   <li>When the requester is the Sold To contact, no separate ticket is opened: their reply "I approve" on their
 *       own ticket counts, as it proves control of the same mailbox a separate ticket would reach. Approval words
 *       in the first message do not count (a web form does not prove the mailbox).</li>
 *   <li>A ticket opened by the reseller (requester's domain = the invoice owner's Sold To domain) of an
 *       unactivated reseller purchase is its vouch and verifies at once; so does a reseller in copy.</li>
 *   <li>"Not yet activated" needs proof: a cloud activation with no instance activations. Without a cloud
 *       activation (SaaS, legacy license) the reseller vouch is not offered; the reseller invoice is.</li>
 *   <li>Replies to the approval request: quoted text is cut off; a refusal word wins; "approve(d)" approves;
 *       anything else goes to an agent as an internal note. A refusal from the Sold To rejects.</li>
 *   <li>Proof already in the first messages verifies at once; refusals are only sent after the requester was
 *       told what fits.</li>
 * </ul>
 */
package dev.supportbot.workflows.ownership;
