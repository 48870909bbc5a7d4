package dev.supportbot.workflows.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The public API's promises: masks, the no-copy path, containsSecret, any CharSequence. */
class SecretScannerApiTest {
    private static final String CODE = "Q7fz2LmN9pXc4RtY8vBn3KwD";

    @Test
    void maskReturnsTheSameStringWhenThereIsNothingToRedact() {
        String text = "Invoice INV-1001-A, subscription A-S00001001, commit 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b.";
        assertThat(SecretScanner.mask(text)).isSameAs(text);
        assertThat(SecretScanner.mask("")).isEmpty();
    }

    @Test
    void maskReplacesEachSecretWithItsKindsMaskAndNothingElse() {
        String license = LicenseTest.license(new FakeSecrets(3), 60, "\n", "> ");
        String text = "code: " + CODE + ".\n> " + license + "\n> bye";
        assertThat(SecretScanner.mask(text))
                .isEqualTo("code: [REDACTED activation code].\n> [REDACTED license key]\n> bye");
    }

    @Test
    void containsSecretAnswersWithoutListing() {
        assertThat(SecretScanner.containsSecret("Activation code " + CODE)).isTrue();
        assertThat(SecretScanner.containsSecret(LicenseTest.license(new FakeSecrets(5), 0, "\n", ""))).isTrue();
        assertThat(SecretScanner.containsSecret("https://example.com/" + CODE + "/x")).isFalse();
        assertThat(SecretScanner.containsSecret("")).isFalse();
    }

    @Test
    void acceptsAnyCharSequence() {
        StringBuilder text = new StringBuilder("code ").append(CODE).append(" ok");
        assertThat(SecretScanner.find(text)).containsExactly(new SecretSpan(SecretKind.ACTIVATION_CODE, 5, 29));
        assertThat(SecretScanner.mask(text)).isEqualTo("code [REDACTED activation code] ok");
        assertThat(SecretScanner.containsSecret(text)).isTrue();
    }
}
