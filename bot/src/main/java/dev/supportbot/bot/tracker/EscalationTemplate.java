package dev.supportbot.bot.tracker;

import dev.supportbot.workflows.redaction.SecretScanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bot's copy of the "Subscription-Ownership-Change-Escalation" issue template (GitLab's API cannot apply a
 * project's template by name), with {@code {{placeholders}}} for the escalation's fields. Every value is scrubbed of
 * secrets; a value is inserted as-is, never expanded again.
 */
final class EscalationTemplate {
    static final String RESOURCE = "/tracker/subscription-ownership-change-escalation.md";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
    private static final String NOT_GIVEN = "_not given_";

    private final String template;

    EscalationTemplate(String template) {
        this.template = template;
    }

    static EscalationTemplate standard() {
        try (InputStream in = EscalationTemplate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return new EscalationTemplate(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String title(OwnershipEscalation e) {
        String subscription = e.subscriptionName() == null ? "subscription not identified" : e.subscriptionName();
        return SecretScanner.mask("Subscription ownership change escalation: " + subscription + " (Zendesk #" + e.ticketId() + ")");
    }

    String description(OwnershipEscalation e) {
        Map<String, String> values = Map.of(
                "ticket_id", Long.toString(e.ticketId()),
                "ticket_url", e.ticketUrl(),
                "subscription", orNotGiven(e.subscriptionName()),
                "requester_name", orNotGiven(e.requesterName()),
                "requester_email", orNotGiven(e.requesterEmail()),
                "requested_change", orNotGiven(e.requestedChange()),
                "proof_summary", orNotGiven(e.proofSummary()),
                "escalated_by", orNotGiven(e.escalatedBy()));
        Matcher m = PLACEHOLDER.matcher(template);
        return m.replaceAll(match -> {
            String value = values.get(match.group(1));
            if (value == null) throw new IllegalStateException(RESOURCE + ": unknown placeholder " + match.group());
            return Matcher.quoteReplacement(SecretScanner.mask(value));
        });
    }

    private static String orNotGiven(String value) {
        return value == null || value.isBlank() ? NOT_GIVEN : value;
    }
}
