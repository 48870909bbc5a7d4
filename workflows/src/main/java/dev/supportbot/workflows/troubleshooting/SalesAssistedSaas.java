package dev.supportbot.workflows.troubleshooting;

import java.util.regex.Pattern;

/**
 * Whether a comment reports a GitLab.com subscription that does not reach its group (handbook: License Troubleshooting,
 * "Troubleshooting sales-assisted transactions for GitLab.com"): it names GitLab.com, a subscription or group, and a
 * failure to see or apply it. All three must be there; a GitLab.com link alone is not such a report.
 */
final class SalesAssistedSaas {
    private static final Pattern GITLAB_COM = Pattern.compile("\\bgitlab\\.com\\b|\\bsaas\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBJECT = Pattern.compile("\\b(subscriptions?|groups?|namespaces?)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern FAILURE = Pattern.compile(
            "\\b(can ?not|can't|cant|don't|do not|doesn't|does not|isn't|is not|aren't|are not|not|never|unable to)\\s+"
                    + "(yet\\s+)?(be\\s+)?(see|find|show|showing|shown|visible|appear|appears|appearing|applied|apply|linked|link|"
                    + "attached|attach|assigned|assign|associated|associate|active|activated)\\b"
                    + "|\\bhow (do|can|should) (i|we) (apply|link|assign|attach|associate|activate)\\b",
            Pattern.CASE_INSENSITIVE);

    private SalesAssistedSaas() {}

    static boolean mentioned(String comment) {
        if (comment == null) return false;
        String text = RegistrationErrors.flatten(comment);
        return GITLAB_COM.matcher(text).find() && SUBJECT.matcher(text).find() && FAILURE.matcher(text).find();
    }
}
