package dev.supportbot.workflows.licenses;

import dev.supportbot.workflows.domain.License;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which of a customer's licenses is the active one (handbook "LicenseDot Access and Use": "use the issued and expiry dates
 * to determine which is the active license"): among those started on or before the day and not yet expired (the
 * expiry day still counts), the most recently issued; trials count like paid licenses. Two issued the same day: the
 * higher id, the later one in LicenseDot.
 */
public final class ActiveLicense {
    /** Newest issue first; the order lists of licenses are shown in. */
    public static final Comparator<License> NEWEST_ISSUE_FIRST =
            Comparator.comparing(License::issuedAt).thenComparingLong(License::id).reversed();

    private ActiveLicense() {}

    public static Optional<License> among(List<License> licenses, LocalDate day) {
        return licenses.stream().filter(l -> l.activeOn(day)).min(NEWEST_ISSUE_FIRST);
    }
}
