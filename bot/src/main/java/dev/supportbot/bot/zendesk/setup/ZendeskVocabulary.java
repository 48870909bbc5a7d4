package dev.supportbot.bot.zendesk.setup;

import java.util.Set;

/** The action fields and condition operators Zendesk's macros and triggers accept, for lint. */
final class ZendeskVocabulary {
    private ZendeskVocabulary() {}

    static final Set<String> MACRO_ACTIONS = Set.of("status", "type", "priority", "group_id", "assignee_id",
            "set_tags", "current_tags", "remove_tags", "comment_value", "comment_value_html", "comment_mode_is_public",
            "subject", "brand_id", "ticket_form_id", "custom_status_id", "side_conversation", "cc");

    static final Set<String> TRIGGER_ACTIONS = Set.of("status", "type", "priority", "group_id", "assignee_id",
            "set_tags", "current_tags", "remove_tags", "comment_value", "comment_value_html", "comment_mode_is_public",
            "brand_id", "ticket_form_id", "custom_status_id", "requester_id", "organization_id", "locale_id", "cc",
            "follower", "satisfaction_score", "share_ticket", "notification_user", "notification_group",
            "notification_target", "notification_webhook", "notification_sms_user", "notification_sms_group",
            "tweet_requester", "add_skills", "set_skills", "remove_skills");

    static final Set<String> OPERATORS = Set.of("is", "is_not", "less_than", "less_than_equal", "greater_than",
            "greater_than_equal", "changed", "not_changed", "value", "value_previous", "not_value",
            "not_value_previous", "includes", "not_includes", "present", "not_present", "within_previous_n",
            "within_next_n", "greater_than_business_hours", "less_than_business_hours", "is_business_hours",
            "is_not_business_hours");

    static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    static final Set<String> REQUEST_FORMATS = Set.of("json", "xml", "form_encoded");

    static boolean isAction(SetupKind kind, String field) {
        if (field.matches("custom_fields_\\d+")) return true;
        return (kind == SetupKind.TRIGGER ? TRIGGER_ACTIONS : MACRO_ACTIONS).contains(field);
    }
}
