package dev.supportbot.workflows.licenses;

import dev.supportbot.workflows.domain.License;
import java.util.List;
import java.util.Optional;

/**
 * The customer's last license in the sense of handbook "License Troubleshooting" ("find the last license key by email or
 * company name, duplicate it"): the most recently issued paid license, whatever its dates. Trials carry no true-up.
 */
public final class LastLicense {
    private LastLicense() {}

    public static Optional<License> among(List<License> licenses) {
        return licenses.stream().filter(l -> !l.trial()).min(ActiveLicense.NEWEST_ISSUE_FIRST);
    }
}
