package dev.supportbot.bot.engine;

import dev.supportbot.bot.portal.LicenseSearch;
import dev.supportbot.bot.portal.PortalClient;
import dev.supportbot.bot.portal.PortalException;
import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Subscription;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.redaction.SecretKind;
import dev.supportbot.workflows.redaction.SecretScanner;
import dev.supportbot.workflows.redaction.SecretSpan;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The fact sources the portal API answers. "Not found" is an answer (null); any other portal failure is thrown, so
 * the event is retried later. A pasted license is taken from the comment in memory and sent only to
 * validate-license.
 */
public final class PortalFacts {
    private PortalFacts() {}

    public static List<FactSource<?>> sources(Supplier<PortalClient> portal) {
        return List.of(
                FactSources.source(FactRequest.SubscriptionByName.class, (r, bodies) -> orNull(() -> portal.get().subscription(r.name()))),
                FactSources.source(FactRequest.BillingAccountById.class, (r, bodies) -> orNull(() -> portal.get().billingAccount(r.id()))),
                FactSources.source(FactRequest.BillingAccountOfSubscription.class,
                        (r, bodies) -> accountOf(portal.get(), r.subscriptionName())),
                FactSources.source(FactRequest.BillingAccountByZuoraId.class,
                        (r, bodies) -> portal.get().findBillingAccountByZuoraId(r.zuoraAccountId()).orElse(null)),
                FactSources.source(FactRequest.InvoiceByNumber.class, (r, bodies) -> orNull(() -> portal.get().invoice(r.number()))),
                FactSources.source(FactRequest.NamespaceAdminView.class,
                        (r, bodies) -> orNull(() -> portal.get().namespaceSubscription(r.namespace()))),
                FactSources.source(FactRequest.CloudActivationOf.class,
                        (r, bodies) -> orNull(() -> portal.get().cloudActivation(r.subscriptionName()))),
                FactSources.source(FactRequest.LicenseValidationOfComment.class, (r, bodies) -> pastedLicense(bodies.get(r.commentId()))
                        .map(text -> orNull(() -> portal.get().validateLicense(text))).orElse(null)),
                FactSources.source(FactRequest.LicensesOfSubscription.class, (r, bodies) -> licensesOf(portal.get(), r.subscriptionName())),
                FactSources.source(FactRequest.MailDeliveriesOf.class, (r, bodies) -> portal.get().mailDeliveries(r.recipient())));
    }

    private static BillingAccount accountOf(PortalClient p, String subscriptionName) {
        Subscription subscription = orNull(() -> p.subscription(subscriptionName));
        return subscription == null ? null : orNull(() -> p.billingAccount(subscription.billingAccountId()));
    }

    private static List<?> licensesOf(PortalClient p, String subscriptionName) {
        BillingAccount account = accountOf(p, subscriptionName);
        if (account == null) return List.of();
        return p.searchLicenses(LicenseSearch.byCompany(account.company())).stream()
                .filter(l -> subscriptionName.equals(l.subscriptionName()))
                .toList();
    }

    private static Optional<String> pastedLicense(String body) {
        if (body == null) return Optional.empty();
        for (SecretSpan span : SecretScanner.find(body)) {
            if (span.kind() == SecretKind.LICENSE_KEY) return Optional.of(licenseBase64(body.substring(span.start(), span.end())));
        }
        return Optional.empty();
    }

    /** The blob as one base64 string: without BEGIN/END lines, email quoting, indentation or line breaks. */
    static String licenseBase64(String pasted) {
        StringBuilder out = new StringBuilder(pasted.length());
        for (String line : pasted.split("\\R")) {
            String content = line.replaceFirst("^[\\s>]+", "").strip();
            if (content.startsWith("-----")) continue;
            out.append(content.replace("\\n", "").replaceAll("\\s+", ""));
        }
        return out.toString();
    }

    private static <T> T orNull(Supplier<T> call) {
        try {
            return call.get();
        } catch (PortalException.NotFound e) {
            return null;
        }
    }
}
