package dev.supportbot.bot.licenses;

import dev.supportbot.bot.portal.LicenseSearch;
import dev.supportbot.bot.portal.PortalException;
import dev.supportbot.bot.portal.PortalClient;
import dev.supportbot.bot.slack.SlackMessage;
import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.licenses.ActiveLicense;
import dev.supportbot.workflows.licenses.HostReport;
import dev.supportbot.workflows.licenses.LicensePlan;
import dev.supportbot.workflows.licenses.LicenseSummary;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The license lookups of handbook "LicenseDot Access and Use" as {@code /lnr} sub-commands: {@link #reply} takes the
 * sub-command's name and its argument text and answers with Block Kit, or with a usage error. Read-only: it changes
 * nothing in the portal. Answers name licensees and their emails, so they go to the asking agent only (ephemeral).
 */
public final class LicenseLookup {
    public static final LookupCommand LICENSES = new LookupCommand("licenses", "/lnr licenses NAME|EMAIL|COMPANY [--page N]",
            "every license of a customer (found by licensee name, email or company), the active one marked");
    public static final LookupCommand LICENSE = new LookupCommand("license", "/lnr license LICENSE",
            "one license: plan (checked against the subscription's), users, true-up, dates, trial or paid, who received it");
    public static final LookupCommand HOSTS = new LookupCommand("hosts", "/lnr hosts LICENSE [--page N]",
            "the hosts that reported a license through usage ping, newest first, stale pings marked");
    public static final List<LookupCommand> COMMANDS = List.of(LICENSES, LICENSE, HOSTS);
    static final int PAGE_SIZE = 10;

    private static final Logger log = LoggerFactory.getLogger(LicenseLookup.class);

    private final PortalClient portal;
    private final Clock clock;
    private final int pageSize;

    public LicenseLookup(PortalClient portal, Clock clock) {
        this(portal, clock, PAGE_SIZE);
    }

    LicenseLookup(PortalClient portal, Clock clock, int pageSize) {
        this.portal = portal;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    /** The answer to {@code /lnr <subCommand> <arguments>}; a usage error for a name that is none of {@link #COMMANDS}. */
    public LookupReply reply(String subCommand, String arguments) {
        String name = subCommand == null ? "" : subCommand.strip();
        try {
            if (name.equals(LICENSES.name())) return licenses(arguments);
            if (name.equals(LICENSE.name())) return license(arguments);
            if (name.equals(HOSTS.name())) return hosts(arguments);
        } catch (PortalException e) {
            log.warn("license lookup {}: the portal failed: {}", name, e.getClass().getSimpleName());
            return new LookupReply.Answer(SlackMessage.text("The portal did not answer the lookup ("
                    + e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT)
                    + "). Nothing was changed; try again in a minute."));
        }
        return new LookupReply.UsageError("Unknown lookup. Usage: " + LICENSES.usage() + " | " + LICENSE.usage() + " | " + HOSTS.usage());
    }

    private LookupReply licenses(String arguments) {
        Optional<LookupArguments> args = LookupArguments.parse(arguments);
        if (args.isEmpty() || args.get().subject().length() < 2) return usage(LICENSES, "Give a name, an email or a company");
        String query = args.get().subject();
        List<License> found = search(query);
        if (found.isEmpty()) return new LookupReply.Answer(LicenseBlocks.noLicenses(query));
        Optional<Page<License>> page = Page.of(found, args.get().page(), pageSize);
        if (page.isEmpty()) return usage(LICENSES, pages(found.size()));
        LocalDate today = today();
        Long activeId = ActiveLicense.among(found, today).map(License::id).orElse(null);
        return new LookupReply.Answer(LicenseBlocks.licenses(query, LicenseSummary.of(found, today), page.get(), activeId,
                "/lnr licenses " + query + " --page " + (page.get().number() + 1)));
    }

    private LookupReply license(String arguments) {
        String text = arguments == null ? "" : arguments.strip().replaceFirst("^#", "");
        if (!text.matches("\\d{1,18}")) return usage(LICENSE, "Give a license id");
        long id = Long.parseLong(text);
        License license;
        try {
            license = portal.license(id);
        } catch (PortalException.NotFound e) {
            return new LookupReply.Answer(SlackMessage.text("License #" + id + " was not found."));
        }
        List<License> customers = portal.searchLicenses(LicenseSearch.byEmail(license.licenseeEmail()));
        boolean active = ActiveLicense.among(customers, today()).map(l -> l.id() == id).orElse(false);
        return new LookupReply.Answer(LicenseBlocks.license(license, active,
                HostReport.of(portal.licenseHostnames(id), clock.instant()), planCheck(license)));
    }

    /** The license's plan against its subscription's; null for a license of no subscription (a trial). */
    private LicensePlan planCheck(License license) {
        if (license.subscriptionName() == null) return null;
        try {
            return LicensePlan.check(license, portal.subscription(license.subscriptionName()));
        } catch (PortalException.NotFound e) {
            return new LicensePlan(false, "subscription " + license.subscriptionName() + " is not in the portal, so the"
                    + " license's plan cannot be checked");
        }
    }

    private LookupReply hosts(String arguments) {
        Optional<LookupArguments> args = LookupArguments.parse(arguments);
        String text = args.map(a -> a.subject().replaceFirst("^#", "")).orElse("");
        if (!text.matches("\\d{1,18}")) return usage(HOSTS, "Give a license id");
        long id = Long.parseLong(text);
        List<HostReport> hosts;
        try {
            hosts = HostReport.of(portal.licenseHostnames(id), clock.instant());
        } catch (PortalException.NotFound e) {
            return new LookupReply.Answer(SlackMessage.text("License #" + id + " was not found."));
        }
        Optional<Page<HostReport>> page = Page.of(hosts, args.get().page(), pageSize);
        if (page.isEmpty()) return usage(HOSTS, pages(hosts.size()));
        return new LookupReply.Answer(LicenseBlocks.hosts(id, page.get(), hosts.size(),
                "/lnr hosts " + id + " --page " + (page.get().number() + 1)));
    }

    /** By email when the query is one; otherwise licensee name or company, newest issue first, each license once. */
    private List<License> search(String query) {
        if (query.contains("@")) return sorted(portal.searchLicenses(LicenseSearch.byEmail(query)));
        Map<Long, License> byId = new LinkedHashMap<>();
        portal.searchLicenses(LicenseSearch.byName(query)).forEach(l -> byId.put(l.id(), l));
        portal.searchLicenses(LicenseSearch.byCompany(query)).forEach(l -> byId.putIfAbsent(l.id(), l));
        return sorted(byId.values());
    }

    private static List<License> sorted(Collection<License> licenses) {
        List<License> list = new ArrayList<>(licenses);
        list.sort(ActiveLicense.NEWEST_ISSUE_FIRST);
        return list;
    }

    private String pages(int items) {
        int total = (items + pageSize - 1) / pageSize;
        return "There " + (total == 1 ? "is 1 page" : "are " + total + " pages");
    }

    private static LookupReply usage(LookupCommand command, String what) {
        return new LookupReply.UsageError(what + ". Usage: " + command.usage());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
