package dev.supportbot.bot.tracker;

import com.github.mustachejava.Code;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.codes.ValueCode;
import dev.supportbot.workflows.redaction.SecretScanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Map;
import java.util.Set;

/**
 * The bot's copy of the "Subscription-Ownership-Change-Escalation" issue template (GitLab's API cannot apply a
 * project's template by name), a Mustache template of the escalation's fields. Every value is scrubbed of secrets and
 * inserted as-is (Markdown: no HTML escaping), never expanded again; a placeholder that is not a field fails when the
 * template is loaded, rather than leaving a silent gap.
 */
final class EscalationTemplate {
    static final String RESOURCE = "/tracker/subscription-ownership-change-escalation.md";
    private static final String NOT_GIVEN = "_not given_";
    private static final Set<String> FIELDS = Set.of("ticket_id", "ticket_url", "subscription", "requester_name",
            "requester_email", "requested_change", "proof_summary", "escalated_by");
    private static final DefaultMustacheFactory MUSTACHE = new DefaultMustacheFactory() {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(SecretScanner.mask(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private final Mustache template;

    EscalationTemplate(String template) {
        this.template = MUSTACHE.compile(new StringReader(template), RESOURCE);
        for (Code code : this.template.getCodes()) {
            if (code instanceof ValueCode && !FIELDS.contains(code.getName())) {
                throw new IllegalStateException(RESOURCE + ": unknown placeholder {{" + code.getName() + "}}");
            }
        }
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
        StringWriter out = new StringWriter();
        template.execute(out, values);
        return out.toString();
    }

    private static String orNotGiven(String value) {
        return value == null || value.isBlank() ? NOT_GIVEN : value;
    }
}
