package dev.supportbot.workflows.ownership;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.CloudActivation;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.Deployment;
import dev.supportbot.workflows.domain.Invoice;
import dev.supportbot.workflows.domain.LicenseValidation;
import dev.supportbot.workflows.domain.NamespaceSubscription;
import dev.supportbot.workflows.domain.Subscription;
import dev.supportbot.workflows.engine.Attachment;
import dev.supportbot.workflows.engine.Comment;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Person;
import dev.supportbot.workflows.engine.Ticket;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/** One customer (Acme), its contacts, a reseller (Partner Co), and the portal data the tests share. */
final class Fixtures {
    private Fixtures() {}

    static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");
    static final Context CTX = Context.at(NOW);
    static final long TICKET_ID = 4242;
    static final String SUBSCRIPTION = "A-S00012345";
    static final long ACCOUNT_ID = 10;
    static final long PARTNER_ACCOUNT_ID = 99;
    static final String NAMESPACE = "acme-group";

    static final Person CUSTOMER = new Person("Carol Customer", "carol@acme.example");
    static final Person SOLD_TO = new Person("Alice Owner", "alice.owner@acme.example");
    static final Person BILL_TO = new Person("Bob Billing", "bob.billing@acme.example");
    static final Person STAFF = new Person("Sam Staff", "sam@gitlab.com");
    static final Person RESELLER = new Person("Rita Reseller", "rita@partner.example");
    static final Person BOT = new Person("Support Bot", "supportbot@helpdesk.example");

    static final Contact SOLD_TO_CONTACT = new Contact("Alice", "Owner", SOLD_TO.email(), "1 Main Street, Springfield");
    static final Contact BILL_TO_CONTACT = new Contact("Bob", "Billing", BILL_TO.email(), "1 Main Street, Springfield");
    static final BillingAccount.Reseller PARTNER = new BillingAccount.Reseller("Partner Co", "Z-PARTNER", "orders@partner.example");

    /** 24 alphanumeric characters: a cloud activation code. */
    static final String ACTIVATION_CODE = "Q7xK2mP9vR4tL8nB3cW6yZ1d";
    /** A legacy license file: base64 of JSON with data, key and iv. */
    static final String LICENSE_TEXT = Base64.getEncoder().encodeToString(
            ("{\"data\":\"c2VjcmV0LWxpY2Vuc2UtZGF0YS1mb3ItYWNtZS1pbmMtb25seQ==\",\"key\":\"bXlrZXkxMjM0NTY3ODkw\","
                    + "\"iv\":\"aXYxMjM0NTY3ODkw\"}").getBytes(StandardCharsets.UTF_8));

    static final Invoice RECENT_INVOICE = new Invoice("INV-1001-A", ACCOUNT_ID, LocalDate.parse("2025-05-01"), new BigDecimal("1200.00"));
    static final Invoice OLD_INVOICE = new Invoice("INV-0901-A", ACCOUNT_ID, LocalDate.parse("2024-05-01"), new BigDecimal("1100.00"));
    static final Invoice FOREIGN_INVOICE = new Invoice("INV-7777-A", 55, LocalDate.parse("2025-05-01"), new BigDecimal("90.00"));
    static final Invoice PARTNER_INVOICE = new Invoice("INV-2001-A", PARTNER_ACCOUNT_ID, LocalDate.parse("2025-04-01"), new BigDecimal("900.00"));

    static final NamespaceSubscription ADMIN_VIEW =
            new NamespaceSubscription(NAMESPACE, "ultimate", 25, LocalDate.parse("2025-01-01"), LocalDate.parse("2026-01-01"));

    /** Comment ids whose license text validate-license decodes as: ours, another subscription's, invalid. */
    static final long LICENSE_OURS = 501;
    static final long LICENSE_OTHERS = 502;
    static final long LICENSE_BROKEN = 503;

    /** The kinds of subscription the rules tell apart. */
    enum Setup {
        SELF_MANAGED_DIRECT(Deployment.SELF_MANAGED, false, null),
        SAAS_DIRECT(Deployment.SAAS, false, null),
        SELF_MANAGED_RESELLER_UNACTIVATED(Deployment.SELF_MANAGED, true, false),
        SELF_MANAGED_RESELLER_ACTIVATED(Deployment.SELF_MANAGED, true, true),
        SAAS_RESELLER(Deployment.SAAS, true, null),
        /** A legacy license file: the portal has no cloud activation for it, so whether it was loaded is unknown. */
        SELF_MANAGED_RESELLER_LEGACY(Deployment.SELF_MANAGED, true, null),
        /** An offline license: activated without reaching the portal, which has no cloud activation for it either. */
        SELF_MANAGED_RESELLER_OFFLINE(Deployment.SELF_MANAGED, true, null),
        /** Sold To and Bill To are the same person. */
        SELF_MANAGED_DIRECT_ONE_CONTACT(Deployment.SELF_MANAGED, false, null),
        /** The Sold To address is on a staff domain. */
        SELF_MANAGED_DIRECT_STAFF_SOLD_TO(Deployment.SELF_MANAGED, false, null);

        final Deployment deployment;
        final boolean reseller;
        /** null: no cloud activation at all. */
        final Boolean activated;

        Setup(Deployment deployment, boolean reseller, Boolean activated) {
            this.deployment = deployment;
            this.reseller = reseller;
            this.activated = activated;
        }

        Subscription subscription() {
            return new Subscription(SUBSCRIPTION, ACCOUNT_ID, "Z-ACME", deployment,
                    deployment == Deployment.SAAS ? NAMESPACE : null, "ultimate", 25,
                    LocalDate.parse("2025-01-01"), LocalDate.parse("2026-01-01"), reseller);
        }

        BillingAccount account() {
            Contact soldTo = this == SELF_MANAGED_DIRECT_STAFF_SOLD_TO
                    ? new Contact("Sam", "Staff", STAFF.email(), "") : SOLD_TO_CONTACT;
            Contact billTo = this == SELF_MANAGED_DIRECT_ONE_CONTACT ? SOLD_TO_CONTACT : BILL_TO_CONTACT;
            return new BillingAccount(ACCOUNT_ID, "Z-ACME", "Acme Inc", soldTo, billTo, reseller ? PARTNER : null);
        }

        CloudActivation activation() {
            if (activated == null) return null;
            return new CloudActivation(SUBSCRIPTION, activated
                    ? List.of(new CloudActivation.InstanceActivation("i-1", "gitlab.acme.example", Instant.parse("2025-02-01T00:00:00Z")))
                    : List.of());
        }

        VerificationCase verificationCase() {
            return new VerificationCase(subscription(), account(), activation(), reseller ? partnerAccount() : null);
        }

        FakePortal portal() {
            FakePortal p = new FakePortal()
                    .with(new FactRequest.SubscriptionByName(SUBSCRIPTION), subscription())
                    .with(new FactRequest.BillingAccountOfSubscription(SUBSCRIPTION), account())
                    .with(new FactRequest.BillingAccountById(ACCOUNT_ID), account())
                    .with(new FactRequest.BillingAccountByZuoraId("Z-PARTNER"), partnerAccount())
                    .with(new FactRequest.InvoiceByNumber(RECENT_INVOICE.number()), RECENT_INVOICE)
                    .with(new FactRequest.InvoiceByNumber(OLD_INVOICE.number()), OLD_INVOICE)
                    .with(new FactRequest.InvoiceByNumber(FOREIGN_INVOICE.number()), FOREIGN_INVOICE)
                    .with(new FactRequest.InvoiceByNumber(PARTNER_INVOICE.number()), PARTNER_INVOICE)
                    .with(new FactRequest.NamespaceAdminView(NAMESPACE), ADMIN_VIEW)
                    .with(new FactRequest.LicenseValidationOfComment(LICENSE_OURS), validLicense(SUBSCRIPTION))
                    .with(new FactRequest.LicenseValidationOfComment(LICENSE_OTHERS), validLicense("A-S00099999"))
                    .with(new FactRequest.LicenseValidationOfComment(LICENSE_BROKEN),
                            new LicenseValidation(false, "cannot decode", null, null, null, null, null, null));
            CloudActivation activation = activation();
            if (activation != null) p.with(new FactRequest.CloudActivationOf(SUBSCRIPTION), activation);
            return p;
        }
    }

    static BillingAccount partnerAccount() {
        return new BillingAccount(PARTNER_ACCOUNT_ID, "Z-PARTNER", "Partner Co",
                new Contact("Pat", "Partner", PARTNER.invoiceOwnerSoldToEmail(), ""), null, null);
    }

    static LicenseValidation validLicense(String subscription) {
        return new LicenseValidation(true, null, subscription, "it@acme.example", "ultimate", 25,
                LocalDate.parse("2025-01-01"), LocalDate.parse("2026-01-01"));
    }

    static String gitlabSubscriptionJson(String plan, int seats, String start, String end) {
        return "{\"plan\":{\"code\":\"" + plan + "\",\"name\":\"Ultimate\",\"trial\":false},"
                + "\"usage\":{\"seats_in_subscription\":" + seats + ",\"seats_in_use\":12},"
                + "\"subscription\":{\"start_date\":\"" + start + "\",\"end_date\":\"" + end + "\"}}";
    }

    /** Comment {@code id} was written {@code id} minutes after 10:00 UTC on 7 December 2026 (mod 10 hours). */
    static java.time.Instant writtenAt(long id) {
        return java.time.Instant.parse("2026-12-07T10:00:00Z").plusSeconds(60 * (id % 600));
    }

    static Comment comment(long id, Person author, boolean byRequester, String body, Attachment... attachments) {
        return new Comment(id, author, byRequester, true, body, List.of(attachments), writtenAt(id));
    }

    static Comment fromRequester(long id, Person requester, String body, Attachment... attachments) {
        return comment(id, requester, true, body, attachments);
    }

    static Ticket ticket(String subject, String description, Person requester) {
        return new Ticket(TICKET_ID, subject, description, requester, Set.of(OwnershipTags.START), "open");
    }
}
