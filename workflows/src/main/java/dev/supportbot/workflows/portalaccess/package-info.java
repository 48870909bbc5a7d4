/**
 * Portal access help (docs/handbook.md, "Portal access help"): the transition table is in
 * {@link dev.supportbot.workflows.portalaccess.PortalAccess}; the plan comes from
 * {@link dev.supportbot.workflows.plan.PortalAccessPlanner}.
 *
 * <p>Decisions that are not spelled out by the handbook:
 * <ul>
 *   <li>The account is the one whose email is the requester's address; a request that names any other address is left
 *       to an agent, as is a requester without an account.</li>
 *   <li>A request that speaks of confirming gets the confirmation email again; any other a one-time sign-in link.</li>
 *   <li>An account linked to GitLab.com is told to sign in with it; one that manages no billing account gets the
 *       self-service steps; a subscription contact gets a plan, so the portal sends it once an approver agrees.</li>
 * </ul>
 */
package dev.supportbot.workflows.portalaccess;
