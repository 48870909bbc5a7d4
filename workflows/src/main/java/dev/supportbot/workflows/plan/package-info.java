/**
 * Plans of portal changes and their preview. A {@link dev.supportbot.workflows.plan.Plan} is an ordered list of
 * {@link dev.supportbot.workflows.plan.PortalChange}s with the ticket, the evidence and the facts it was planned
 * from. The {@link dev.supportbot.workflows.plan.BackendModel} is the bot's belief of what the portal back end does
 * with each change, side effects included; the {@link dev.supportbot.workflows.plan.Preview} is that belief applied
 * step by step, and {@link dev.supportbot.workflows.plan.PlanCheck} refuses a plan whose prediction ends wrong. The
 * planners order the steps so that no side effect fires. Pure: no I/O, no transport types.
 */
package dev.supportbot.workflows.plan;
