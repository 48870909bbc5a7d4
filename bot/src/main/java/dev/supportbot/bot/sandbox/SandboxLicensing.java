package dev.supportbot.bot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportbot.bot.portal.LicenseOverrides;
import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.domain.LicenseKind;
import dev.supportbot.workflows.domain.LicenseValidation;
import dev.supportbot.workflows.domain.MailDelivery;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import org.jdbi.v3.core.Handle;

/** Duplicating and resending licenses, resending activation codes, and decoding pasted license texts. */
final class SandboxLicensing {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LicenseStore licenses;
    private final SandboxMailer mailer;
    private final SandboxSecrets secrets;
    private final Clock clock;

    SandboxLicensing(LicenseStore licenses, SandboxMailer mailer, SandboxSecrets secrets, Clock clock) {
        this.licenses = licenses;
        this.mailer = mailer;
        this.secrets = secrets;
        this.clock = clock;
    }

    License find(Handle h, long id) {
        return licenses.find(h, id).orElseThrow(() -> SandboxProblem.notFound("license " + id + " does not exist"));
    }

    License duplicate(Handle h, long id, LicenseOverrides overrides) {
        License original = find(h, id);
        int users = overrides.usersCount() == null ? original.usersCount() : overrides.usersCount();
        int trueUp = overrides.trueUpCount() == null ? original.trueUpCount() : overrides.trueUpCount();
        LocalDate starts = overrides.startsAt() == null ? original.startsAt() : overrides.startsAt();
        LocalDate expires = overrides.expiresAt() == null ? original.expiresAt() : overrides.expiresAt();
        if (users < 1) throw SandboxProblem.rejected("users_count must be at least 1");
        if (trueUp < 0) throw SandboxProblem.rejected("true_up_count must not be negative");
        if (expires.isBefore(starts)) throw SandboxProblem.rejected("expires_at is before starts_at");
        License copy = new License(0, original.subscriptionName(), original.licenseeName(), original.licenseeEmail(),
                original.licenseeCompany(), original.plan(), users, trueUp, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                starts, expires, original.trial(), original.kind());
        return licenses.insert(h, copy, original.kind() == LicenseKind.CLOUD ? null : secrets.licenseText());
    }

    MailDelivery resendLicense(Handle h, long id, String email) {
        License license = find(h, id);
        String to = SandboxInput.email(email, "email");
        if (license.kind() == LicenseKind.CLOUD) {
            throw SandboxProblem.rejected("license " + id + " is a cloud license: resend the activation code of its subscription");
        }
        return mailer.send(h, to, "Your GitLab license file" + (license.subscriptionName() == null ? ""
                : " for " + license.subscriptionName()));
    }

    MailDelivery resendActivationCode(Handle h, String subscriptionName, String email) {
        String code = licenses.activationCode(h, subscriptionName).orElseThrow(
                () -> SandboxProblem.notFound("subscription " + subscriptionName + " has no cloud activation"));
        return mailer.send(h, SandboxInput.email(email, "email"), activationCodeSubject(code));
    }

    /** What the real activation mail's subject looks like: it names the code. */
    static String activationCodeSubject(String code) {
        return "Your GitLab activation code: " + code;
    }

    /** Decodes a pasted license file and finds the license it is. Messages never quote the text. */
    LicenseValidation validate(Handle h, String licenseText) {
        String text = SandboxInput.text(licenseText, "license_text").replaceAll("\\s+", "");
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return invalid("the text is not base64: paste the whole license file");
        }
        if (!looksLikeLicenseFile(decoded)) return invalid("the text is not a license file: it does not decode to data, key and iv");
        return licenses.findByTextDigest(h, SandboxSecrets.digest(text))
                .map(l -> new LicenseValidation(true, null, l.subscriptionName(), l.licenseeEmail(), l.plan(), l.usersCount(),
                        l.startsAt(), l.expiresAt()))
                .orElseGet(() -> invalid("the license was not issued by this portal"));
    }

    private static boolean looksLikeLicenseFile(byte[] decoded) {
        try {
            JsonNode file = JSON.readTree(decoded);
            return file != null && file.isObject() && file.path("data").isTextual() && file.path("key").isTextual()
                    && file.path("iv").isTextual();
        } catch (IOException e) {
            return false;
        }
    }

    private static LicenseValidation invalid(String error) {
        return new LicenseValidation(false, error, null, null, null, null, null, null);
    }
}
