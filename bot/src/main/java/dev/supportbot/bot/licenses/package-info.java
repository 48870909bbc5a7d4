/**
 * License lookup for agents in Slack ({@code /lnr licenses}, {@code /lnr license}, {@code /lnr hosts}): LicenseDot's
 * search, license view and "Hostnames with this license" as Block Kit answers, read from the portal API. Answers show
 * personal data (licensees' emails): they are meant to be sent ephemeral, to the agent who asked only.
 */
package dev.supportbot.bot.licenses;
