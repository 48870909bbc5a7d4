package dev.supportbot.workflows.ownership;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.workflows.domain.NamespaceSubscription;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Reads what a group owner pasted from {@code GET /api/v4/namespaces/<ns>/gitlab_subscription}: plan code, seats,
 * start and end dates, and the namespace when the paste names one. Dates are read from {@code subscription.*} or,
 * as the live API answers, from {@code billing.subscription_*}.
 */
public final class GitlabSubscriptionJson {
    private static final List<String> START = List.of("subscription.start_date", "billing.subscription_start_date", "start_date");
    private static final List<String> END = List.of("subscription.end_date", "billing.subscription_end_date", "end_date");
    private static final List<String> NAMESPACE = List.of("namespace.full_path", "namespace.path", "namespace", "namespace_path");

    private GitlabSubscriptionJson() {}

    /** The pasted subscription, when the text holds a JSON object with at least a plan code. */
    public static Optional<NamespaceSubscription> parse(String text) {
        return PastedJson.firstObject(text).flatMap(GitlabSubscriptionJson::read);
    }

    /** Whether the text looks like an attempt to paste that response (to explain a failed parse). */
    public static boolean mentioned(String text) {
        return text != null && (text.contains("seats_in_subscription") || text.contains("gitlab_subscription\"")
                || text.contains("\"plan\""));
    }

    private static Optional<NamespaceSubscription> read(JsonNode json) {
        Optional<String> plan = PastedJson.at(json, "plan.code").filter(JsonNode::isTextual).map(JsonNode::asText);
        if (plan.isEmpty()) return Optional.empty();
        Integer seats = PastedJson.at(json, "usage.seats_in_subscription")
                .filter(JsonNode::isNumber).map(JsonNode::intValue).orElse(null);
        return Optional.of(new NamespaceSubscription(
                firstString(json, NAMESPACE), plan.get(), seats, firstDate(json, START), firstDate(json, END)));
    }

    private static String firstString(JsonNode json, List<String> paths) {
        for (String path : paths) {
            Optional<JsonNode> v = PastedJson.at(json, path);
            if (v.isPresent() && v.get().isTextual() && !v.get().asText().isBlank()) return v.get().asText().trim();
        }
        return null;
    }

    private static LocalDate firstDate(JsonNode json, List<String> paths) {
        String s = firstString(json, paths);
        if (s == null) return null;
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
