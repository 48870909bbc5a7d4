package dev.supportbot.bot.portal;

import dev.supportbot.workflows.domain.CloudActivation;
import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.domain.LicenseHostname;
import dev.supportbot.workflows.domain.LicenseValidation;
import dev.supportbot.workflows.domain.MailDelivery;
import dev.supportbot.workflows.domain.NamespaceSubscription;
import java.util.List;

/** Licenses, cloud activations and the SaaS namespace view: what ownership proofs and troubleshooting check. */
public interface PortalLicensing {

    /** Newest issue first. */
    List<License> searchLicenses(LicenseSearch search);

    License license(long licenseId);

    /** Most recent usage ping first. */
    List<LicenseHostname> licenseHostnames(long licenseId);

    /** A copy issued today with the overrides applied; it is not mailed (see {@link #resendLicense}). */
    License duplicateLicense(long licenseId, LicenseOverrides overrides, IdempotencyKey key);

    /** Mails the license file; the answer is the delivery attempt (its subject scrubbed of secrets). */
    MailDelivery resendLicense(long licenseId, String email, IdempotencyKey key);

    /** Without the activation code, which the bot never holds. */
    CloudActivation cloudActivation(String subscriptionName);

    /** Mails the activation code; the answer is the delivery attempt (its subject scrubbed of secrets). */
    MailDelivery resendActivationCode(String subscriptionName, String email, IdempotencyKey key);

    /** Decodes a pasted license text. The text is sent once and kept nowhere: not cached, logged or echoed in errors. */
    LicenseValidation validateLicense(String licenseText);

    NamespaceSubscription namespaceSubscription(String namespace);
}
