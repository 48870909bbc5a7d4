/**
 * Keeping secrets out of what the bot writes itself: {@link dev.supportbot.bot.redaction.MaskingPatternLayoutEncoder}
 * masks activation codes, license keys ({@link dev.supportbot.workflows.redaction.SecretScanner}) and the bot's own API
 * credentials ({@link dev.supportbot.bot.redaction.CredentialMask}) in every log line; {@code logback.xml} uses it.
 */
package dev.supportbot.bot.redaction;
