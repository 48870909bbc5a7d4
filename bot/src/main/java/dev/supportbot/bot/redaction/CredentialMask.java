package dev.supportbot.bot.redaction;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the API credentials the bot itself holds, should one ever reach a log line: Slack tokens ({@code xoxb-...},
 * {@code xapp-...}), GitLab access tokens ({@code glpat-...}) and the values of {@code Authorization: Bearer|Basic|Token}
 * and {@code PRIVATE-TOKEN} headers (the Zendesk and portal tokens travel in those). The bot never logs them by design;
 * this is a second line of defence, so it errs on masking: the header name stays, the value goes.
 */
public final class CredentialMask {
    public static final String MASK = "[REDACTED token]";

    private static final Pattern CREDENTIAL = Pattern.compile(
            "(\\b(?:proxy-)?authorization[\"']?\\s*[:=]\\s*[\"']?(?:bearer|basic|token)\\s+"
                    + "|\\bprivate-token[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"',;]+"
                    + "|\\b(?:xox[abposr]|xapp)-[A-Za-z0-9-]{8,}"
                    + "|\\bglpat-[A-Za-z0-9_-]{20,}",
            Pattern.CASE_INSENSITIVE);

    private CredentialMask() {}

    /** {@code text} with every credential value replaced by {@link #MASK}; the same instance when there is none. */
    public static String mask(String text) {
        Matcher matcher = CREDENTIAL.matcher(text);
        if (!matcher.find()) return text;
        return matcher.replaceAll(m -> Matcher.quoteReplacement(Objects.toString(m.group(1), "") + MASK));
    }
}
