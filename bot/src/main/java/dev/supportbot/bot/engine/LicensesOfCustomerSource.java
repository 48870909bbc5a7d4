package dev.supportbot.bot.engine;

import dev.supportbot.bot.portal.LicenseSearch;
import dev.supportbot.bot.portal.PortalClient;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.engine.FactRequest.LicensesOfCustomer;
import dev.supportbot.workflows.licenses.ActiveLicense;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers {@link LicensesOfCustomer} from the portal API the way the handbook "License Troubleshooting" looks a license up,
 * "by email or company name": the licenses sent to the email; when there are none, those of the company of the portal
 * customer with that email. Newest issue first; an empty list when neither has any.
 */
public final class LicensesOfCustomerSource implements FactSource<LicensesOfCustomer> {
    private final Supplier<PortalClient> portal;

    public LicensesOfCustomerSource(Supplier<PortalClient> portal) {
        this.portal = portal;
    }

    @Override
    public Class<LicensesOfCustomer> type() {
        return LicensesOfCustomer.class;
    }

    @Override
    public Object answer(LicensesOfCustomer request, Map<Long, String> commentBodies) {
        PortalClient p = portal.get();
        String email = request.email() == null ? "" : request.email().strip();
        if (email.isEmpty()) return List.of();
        List<License> sent = p.searchLicenses(LicenseSearch.byEmail(email));
        if (!sent.isEmpty()) return newestFirst(sent);
        Optional<String> company = p.findCustomerByEmail(email).map(Customer::company).filter(c -> !c.isBlank());
        return company.map(c -> newestFirst(p.searchLicenses(LicenseSearch.byCompany(c)))).orElse(List.of());
    }

    private static List<License> newestFirst(List<License> licenses) {
        List<License> sorted = new ArrayList<>(licenses);
        sorted.sort(ActiveLicense.NEWEST_ISSUE_FIRST);
        return List.copyOf(sorted);
    }
}
