package dev.supportbot.bot.testing;

import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRule;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.oas.models.PathItem;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code vendor-specs/exceptions.yaml}, the one table of what the vendors' descriptions get wrong: parser remarks
 * to let through, and validator messages to accept for an operation. Every entry must give its reason.
 */
final class ContractExceptions {
    private static final JsonNode TABLE = VendorSpecs.read("exceptions.yaml", new ObjectMapper(new YAMLFactory()));

    private ContractExceptions() {}

    static boolean acceptedRemark(String api, String remark) {
        for (JsonNode e : TABLE.path("parser_remarks")) {
            if (e.path("api").asText().equals(api) && remark.matches(e.path("remark").asText())) {
                requireReason(e);
                return true;
            }
        }
        return false;
    }

    /** The validator's whitelist for {@code api}: an entry matches its message key, operation, message part and side. */
    static ValidationErrorsWhitelist whitelist(String api) {
        ValidationErrorsWhitelist whitelist = ValidationErrorsWhitelist.create();
        for (JsonNode e : TABLE.path("exceptions")) {
            if (!e.path("api").asText().equals(api)) continue;
            List<WhitelistRule> rules = new ArrayList<>(List.of(WhitelistRules.messageHasKey(e.path("key").asText())));
            String operation = e.path("operation").asText();
            if (!operation.equals("*")) {
                String[] parts = operation.split(" ", 2);
                rules.add(WhitelistRules.methodIs(PathItem.HttpMethod.valueOf(parts[0])));
                rules.add(WhitelistRules.pathContainsRegexp(parts[1].replaceAll("\\{[^}]+}", "[^/]+") + "$"));
            }
            if (e.hasNonNull("message")) rules.add(WhitelistRules.messageContainsSubstring(e.path("message").asText()));
            if (e.path("in").asText("").equals("response")) rules.add(WhitelistRules.isResponse());
            if (e.path("in").asText("").equals("request")) rules.add(WhitelistRules.isRequest());
            whitelist = whitelist.withRule(requireReason(e), WhitelistRules.allOf(rules.toArray(WhitelistRule[]::new)));
        }
        return whitelist;
    }

    private static String requireReason(JsonNode e) {
        String reason = e.path("reason").asText("");
        if (reason.isBlank()) throw new IllegalStateException("an exception without a reason: " + e);
        return reason;
    }
}
