package dev.supportbot.bot.engine;

import dev.supportbot.bot.portal.LicenseSearch;
import dev.supportbot.bot.portal.PortalClient;
import dev.supportbot.bot.portal.PortalException;
import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Subscription;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.redaction.SecretKind;
import dev.supportbot.workflows.redaction.SecretScanner;
import dev.supportbot.workflows.redaction.SecretSpan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers the workflows' fact requests from the portal API. "Not found" is an answer (null); any other portal
 * failure is thrown, so the event is retried later. A pasted license is taken from the comment in memory and sent
 * only to validate-license.
 */
public final class PortalFacts implements FactFetcher {
    private final Supplier<PortalClient> portal;
    private final LicensesOfCustomerSource licensesOfCustomer;

    public PortalFacts(Supplier<PortalClient> portal) {
        this.portal = portal;
        this.licensesOfCustomer = new LicensesOfCustomerSource(portal);
    }

    @Override
    public Facts fetch(List<FactRequest<?>> requests, Map<Long, String> commentBodies) {
        Facts.Builder facts = Facts.builder();
        for (FactRequest<?> request : requests) facts.put(request, answer(request, commentBodies));
        return facts.build();
    }

    private Object answer(FactRequest<?> request, Map<Long, String> commentBodies) {
        PortalClient p = portal.get();
        if (request instanceof FactRequest.SubscriptionByName r) return orNull(() -> p.subscription(r.name()));
        if (request instanceof FactRequest.BillingAccountById r) return orNull(() -> p.billingAccount(r.id()));
        if (request instanceof FactRequest.BillingAccountOfSubscription r) {
            Subscription subscription = orNull(() -> p.subscription(r.subscriptionName()));
            return subscription == null ? null : orNull(() -> p.billingAccount(subscription.billingAccountId()));
        }
        if (request instanceof FactRequest.BillingAccountByZuoraId r) return p.findBillingAccountByZuoraId(r.zuoraAccountId()).orElse(null);
        if (request instanceof FactRequest.InvoiceByNumber r) return orNull(() -> p.invoice(r.number()));
        if (request instanceof FactRequest.NamespaceAdminView r) return orNull(() -> p.namespaceSubscription(r.namespace()));
        if (request instanceof FactRequest.CloudActivationOf r) return orNull(() -> p.cloudActivation(r.subscriptionName()));
        if (request instanceof FactRequest.LicenseValidationOfComment r) {
            return pastedLicense(commentBodies.get(r.commentId())).map(text -> orNull(() -> p.validateLicense(text))).orElse(null);
        }
        if (request instanceof FactRequest.LicensesOfSubscription r) {
            Subscription subscription = orNull(() -> p.subscription(r.subscriptionName()));
            if (subscription == null) return List.of();
            BillingAccount account = orNull(() -> p.billingAccount(subscription.billingAccountId()));
            if (account == null) return List.of();
            return p.searchLicenses(LicenseSearch.byCompany(account.company())).stream()
                    .filter(l -> r.subscriptionName().equals(l.subscriptionName()))
                    .toList();
        }
        if (request instanceof FactRequest.LicensesOfCustomer r) return licensesOfCustomer.answer(r, commentBodies);
        throw new IllegalStateException("no portal call answers " + request.getClass().getSimpleName());
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
