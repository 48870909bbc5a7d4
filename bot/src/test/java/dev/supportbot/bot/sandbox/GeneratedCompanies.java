package dev.supportbot.bot.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.supportbot.bot.sandbox.SandboxSeed.Account;
import dev.supportbot.bot.sandbox.SandboxSeed.Company;
import dev.supportbot.bot.sandbox.SandboxSeed.SeedChange;
import dev.supportbot.bot.sandbox.SandboxSeed.SeedCloudActivation;
import dev.supportbot.bot.sandbox.SandboxSeed.SeedCustomer;
import dev.supportbot.bot.sandbox.SandboxSeed.SeedSubscription;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.Deployment;
import dev.supportbot.workflows.domain.HistoryEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Variations of the seeded situations, each a company of its own so that all run in one sandbox: which workflow,
 * whether the Bill To is the Sold To's person, whether the Sold To's customer is a member, the requester's login
 * (on, off since creation, switched off later on purpose), whether the requester is a member of another account, and
 * whether the Sold To's customer has a linked GitLab.com account; and how the plan is ordered (as planned, a careless
 * order, or shuffled).
 */
final class GeneratedCompanies {
    enum Flow { ADD_CONTACT, CHANGE_EXISTING_USER, CHANGE_NEW_USER, TYPO }

    enum Login { ON, OFF_SINCE_CREATED, OFF_ON_PURPOSE }

    enum Order { PLANNED, CARELESS, SHUFFLED }

    record Variation(int index, Flow flow, Order order, boolean billToIsSoldTo, boolean soldToIsMember, Login login,
            boolean memberElsewhere, boolean linked) {

        long accountId() {
            return 5000 + index;
        }

        long otherAccountId() {
            return 8000 + index;
        }

        String domain() {
            return "g" + index + ".example";
        }

        String ownerEmail() {
            return flow == Flow.TYPO ? "owner@g" + index + ".exmaple" : "owner@" + domain();
        }

        String correctedEmail() {
            return "owner@" + domain();
        }

        String requesterEmail() {
            return "requester@" + domain();
        }

        String newContactEmail() {
            return "new@" + domain();
        }

        String billingEmail() {
            return "billing@" + domain();
        }

        String subscription() {
            return "G-S" + index;
        }

        String address() {
            return index + " Generated Street";
        }

        boolean hasRequester() {
            return flow == Flow.ADD_CONTACT || flow == Flow.CHANGE_EXISTING_USER;
        }

        List<String> emails() {
            return List.of(ownerEmail(), correctedEmail(), requesterEmail(), newContactEmail(), billingEmail(),
                    "sid@s" + index + ".example");
        }

        List<Long> accounts() {
            return memberElsewhere ? List.of(accountId(), otherAccountId()) : List.of(accountId());
        }

        @Override
        public String toString() {
            return "g" + index + " " + flow + " " + order + (billToIsSoldTo ? " billTo=soldTo" : "")
                    + (soldToIsMember ? "" : " soldTo-not-member") + (hasRequester() ? " login=" + login : "")
                    + (memberElsewhere ? " member-elsewhere" : "") + (linked ? "" : " unlinked");
        }
    }

    private GeneratedCompanies() {}

    static List<Variation> all() {
        List<Variation> all = new ArrayList<>();
        for (Flow flow : Flow.values()) {
            for (Order order : Order.values()) {
                for (boolean billToIsSoldTo : new boolean[] {false, true}) {
                    for (boolean soldToIsMember : new boolean[] {true, false}) {
                        switch (flow) {
                            case ADD_CONTACT, CHANGE_EXISTING_USER -> {
                                for (Login login : Login.values()) {
                                    for (boolean elsewhere : new boolean[] {false, true}) {
                                        all.add(new Variation(all.size(), flow, order, billToIsSoldTo, soldToIsMember,
                                                login, elsewhere, true));
                                    }
                                }
                            }
                            case CHANGE_NEW_USER -> {
                                for (boolean linked : new boolean[] {true, false}) {
                                    all.add(new Variation(all.size(), flow, order, billToIsSoldTo, soldToIsMember,
                                            Login.ON, false, linked));
                                }
                            }
                            case TYPO -> all.add(new Variation(all.size(), flow, order, billToIsSoldTo, soldToIsMember,
                                    Login.ON, false, true));
                        }
                    }
                }
            }
        }
        return all;
    }

    /** The bundled seed plus the companies of {@code variations}, written as a seed file in {@code dir}. */
    static Path seedFile(Path dir, List<Variation> variations) {
        SandboxSeed bundled = SandboxSeed.load(null);
        List<Company> companies = new ArrayList<>(bundled.companies());
        for (Variation v : variations) companies.addAll(companies(v));
        Path file = dir.resolve("generated-seed.yaml");
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
        try {
            yaml.writeValue(file.toFile(), new SandboxSeed(bundled.undeliverableMailDomains(), companies));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static List<Company> companies(Variation v) {
        Contact soldTo = new Contact("Olive", "Owner", v.ownerEmail(), v.address());
        Contact billTo = v.billToIsSoldTo() ? soldTo : new Contact("Bea", "Billing", v.billingEmail(), v.address());
        List<SeedCustomer> customers = new ArrayList<>();
        customers.add(new SeedCustomer(0, "Olive", "Owner", v.ownerEmail(), true, v.linked() ? 70_000L + v.index() : null,
                v.soldToIsMember(), "D-100", List.of()));
        SeedCustomer requester = v.hasRequester() ? requester(v) : null;
        if (requester != null && !v.memberElsewhere()) customers.add(requester);
        List<SeedSubscription> subscriptions = v.flow() == Flow.TYPO
                ? List.of(new SeedSubscription(v.subscription(), Deployment.SELF_MANAGED, null, "Premium", 10, "D-30",
                        "D+335", new SeedCloudActivation(List.of())))
                : List.of();
        List<Company> companies = new ArrayList<>();
        companies.add(new Company("Gen " + v.index(), new Account(v.accountId(), String.format("G%08d", v.accountId()),
                soldTo, billTo, null), customers, subscriptions, List.of(), List.of(), List.of()));
        if (requester != null && v.memberElsewhere()) {
            Contact sid = new Contact("Sid", "Sibling", "sid@s" + v.index() + ".example", "1 Other Road");
            companies.add(new Company("Other " + v.index(), new Account(v.otherAccountId(),
                    String.format("G%08d", v.otherAccountId()), sid, sid, null),
                    List.of(new SeedCustomer(0, "Sid", "Sibling", sid.email(), true, null, true, "D-200", List.of()),
                            new SeedCustomer(requester.id(), requester.firstName(), requester.lastName(), requester.email(),
                                    requester.loginActivated(), null, true, requester.created(), requester.history())),
                    List.of(), List.of(), List.of(), List.of()));
        }
        return companies;
    }

    private static SeedCustomer requester(Variation v) {
        List<SeedChange> history = v.login() == Login.OFF_ON_PURPOSE
                ? List.of(new SeedChange("D-10", Map.of("login_activated", new HistoryEntry.Change("true", "false"))))
                : List.of();
        return new SeedCustomer(0, "Rae", "Requester", v.requesterEmail(), v.login() == Login.ON, null, false, "D-40", history);
    }
}
