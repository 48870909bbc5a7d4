/**
 * The contract between the bot and the workflows: pure state machines driven by transport-neutral events.
 *
 * <p>For each event of an instance (ticket + kind) the bot:
 * <ol>
 *   <li>finds or creates the instance: {@link dev.supportbot.workflows.engine.WorkflowRegistry#forStartTag} for a
 *       ticket carrying a start tag (state {@code initialState()}), else the stored instance;</li>
 *   <li>asks {@link dev.supportbot.workflows.engine.Workflow#factsNeeded} and answers every request from the portal
 *       ({@link dev.supportbot.workflows.engine.Facts.Builder#put}, null = not found);</li>
 *   <li>calls {@link dev.supportbot.workflows.engine.Workflow#decide} with {@code Context(now, policy)};</li>
 *   <li>stores the new state and the effects in one transaction, skipping the write when
 *       {@link dev.supportbot.workflows.engine.Decision#changesNothingFrom} is true;</li>
 *   <li>runs the effects in list order, each once (idempotency key: instance, version, index), and feeds the
 *       results of {@link dev.supportbot.workflows.engine.ResultKeyed} effects back as
 *       {@code EffectSucceeded}/{@code EffectFailed} with the effect's key.</li>
 * </ol>
 *
 * <p>Persistence: states, events and effects are records, enums and sealed interfaces of them. Every record of a
 * sealed type carries its stable type id in {@code @JsonTypeName}; {@link dev.supportbot.workflows.engine.StoredTypes}
 * finds them all and tells a Jackson mapper; write with {@code writerFor(root)}; register the JSR-310 module. A stored
 * row names the id, not the class: rename a record freely, but never change or reuse its id. A record that unwraps one
 * sealed component (a workflow's approval gate state and its phase) is stored flat under that component's ids.
 */
package dev.supportbot.workflows.engine;
