/**
 * Keeping secrets out of what the bot writes itself: {@link dev.supportbot.bot.redaction.MaskingPatternLayoutEncoder}
 * masks activation codes, license keys ({@link dev.supportbot.workflows.redaction.SecretScanner}) and the bot's own API
 * credentials ({@link dev.supportbot.bot.redaction.CredentialMask}) in every log line; {@code logback.xml} uses it.
 * {@link dev.supportbot.bot.redaction.JsonScrubber} masks them in the decoded strings of a JSON document before the
 * inbox stores it.
 */
package dev.supportbot.bot.redaction;
