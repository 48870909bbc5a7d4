package dev.supportbot.workflows.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The activation-code rules, one decision at a time. {@code CODE} is replaced by a fixed random-looking code. */
class ActivationCodeTest {
    private static final String CODE = "Q7fz2LmN9pXc4RtY8vBn3KwD";

    private static List<SecretSpan> codesIn(String template) {
        return SecretScanner.find(template.replace("CODE", CODE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CODE",
            "Activation code: CODE",
            "The code is CODE.",
            "code:CODE",
            "activation_code=CODE",
            "Code=CODE;seats=10",
            "\"CODE\"",
            "'CODE'",
            "`CODE`",
            "**CODE**",
            "_CODE_",
            "(CODE)",
            "(code CODE).",
            "[CODE]",
            "<CODE>",
            "\u201CCODE\u201D",
            "> CODE",
            ">CODE",
            "a,CODE,b",
            "codes: CODE;CODE|CODE",
            "Is CODE valid?!",
            "code:\u00A0CODE",
            "execute('CODE')",
            "{\"activation_code\":\"CODE\"}",
            "CODE\u2026",
            "éCODE",
            "CODEé",
            "\uD83D\uDD11CODE\uD83D\uDE4F",
            "Código:CODEñ",
            "code\u2014CODE\u2014thanks",
            "\u300CCODE\u300D",
            "\u3010CODE\u3011",
            "(CODE(",
            "[CODE[",
    })
    void findsACodeStandingAsItsOwnToken(String template) {
        String text = template.replace("CODE", CODE);
        List<SecretSpan> spans = SecretScanner.find(text);
        assertThat(spans).isNotEmpty().allSatisfy(span -> {
            assertThat(span.kind()).isEqualTo(SecretKind.ACTIVATION_CODE);
            assertThat(text.substring(span.start(), span.end())).isEqualTo(CODE);
        });
        assertThat(spans).hasSize(template.split("CODE", -1).length - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://customers.example.com/subscriptions/CODE/seats",
            "https://customers.example.com/subscriptions/CODE",
            "https://gitlab.example.com/oauth/callback?code=CODE&state=x",
            "see https://gitlab.example.com/admin?code=CODE",
            "https://gitlab.example.com/help#CODE",
            "CODE@users.noreply.example.com",
            "mail to jane+CODE@example.com",
            "CODE.gitlab-dedicated.example.net",
            "com.acme.CODE.run()",
            "INV-CODE-A",
            "ch_CODE",
            "foo_CODE",
            "CODE_bar",
            "C:\\Users\\CODE\\Downloads",
            "/var/opt/gitlab/CODE/config",
            "CODE==",
            "CODE=",
            "x+CODE/y",
            "CODE:8443",
            "v1.CODE",
            "$CODE",
            "#CODE",
            "%2FCODE",
            "eyJhbGciOiJIUzI1NiJ9.CODE.sig",
    })
    void ignoresARunThatIsPartOfALongerToken(String template) {
        assertThat(codesIn(template)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Q7fz2LmN9pXc4RtY8vBn3Kw",       // 23
            "Q7fz2LmN9pXc4RtY8vBn3KwDx",     // 25
            "Q7fz2LmN9pXc4RtY8vBn3KwDQ7fz2LmN9pXc4RtY8vBn3KwD", // 48: no 24-char window inside counts
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", // sha256
            "5f0c7a9b2e4d1c3a8b6f0e2d",       // 24 lower-case hex (a Mongo id)
            "5F0C7A9B2E4D1C3A8B6F0E2D",       // 24 upper-case hex
            "ABCD1234EFGH5678IJKL9012",       // upper case and digits
            "123456789012345678901234",       // 24 digits
            "electroencephalographies",       // 24 lower-case letters
            "ELECTROENCEPHALOGRAPHIES",
    })
    void ignoresTokensWithoutTheMixOfARandomCode(String token) {
        assertThat(SecretScanner.find("Activation code: " + token)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "AbstractSingletonFactory",
            "HTTPSURLConnectionHelper",
            "Base64EncodedLicenseFile",
            "Electroencephalographies",
            "getLicenseKeysFromServer",
            "customerPurchaseOrderNum",
    })
    void ignoresWordsAndIdentifiersUnlessTheTextBeforeTalksAboutACode(String word) {
        assertThat(SecretScanner.find("The stack trace points at " + word + " again.")).isEmpty();
        // Tolerated: the same token right after "code" is redacted (a digitless random code can look like this).
        assertThat(SecretScanner.find("The activation code " + word + " fails."))
                .extracting(SecretSpan::kind).containsExactly(SecretKind.ACTIVATION_CODE);
    }

    @Test
    void onlyCodeOrActivationRightBeforeAWordLikeRunCountsAsContext() {
        String word = "AbstractSingletonFactory";
        assertThat(SecretScanner.find("Activation code:\n" + word)).hasSize(1);
        assertThat(SecretScanner.find("Aktivierungscode: " + word)).hasSize(1);
        assertThat(SecretScanner.find("The license is fine. The license page shows: " + word)).isEmpty();
        assertThat(SecretScanner.find("Is the code in the 16.9 release? The stack trace shows " + word)).isEmpty();
        assertThat(SecretScanner.find("We read the source code again; " + word + " is fine")).isEmpty();
        // Tolerated: in the same clause as "code", a word-like run is redacted.
        assertThat(SecretScanner.find("the source code of " + word)).hasSize(1);
    }

    @Test
    void findsADigitlessRandomCode() {
        assertThat(SecretScanner.find("We tried QmtXbVxwPqzkJfhtRwLdxqZp yesterday"))
                .extracting(SecretSpan::start, SecretSpan::end).containsExactly(org.assertj.core.groups.Tuple.tuple(9, 33));
    }

    @Test
    void ignoresTheLastLineOfAWrappedBase64BlockButNotACodeUnderOtherText() {
        String base64Line = "R0lGODlhAQABAIAAAAUEBAAAACwAAAAAAQABAAACAkQBADs7Gh5kL9vQm2Zr0Pq8XyWtBnA3";
        assertThat(SecretScanner.find("logo:\n" + base64Line + "\n" + CODE + "\n")).isEmpty();
        assertThat(SecretScanner.find("> " + base64Line + "\r\n> " + CODE)).isEmpty();
        String sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b";
        assertThat(SecretScanner.find("commit " + sha + "\n" + CODE)).hasSize(1);
        assertThat(SecretScanner.find(sha + "\n" + CODE)).hasSize(1);
        assertThat(SecretScanner.find("codes:\n" + CODE + "\n" + CODE)).hasSize(2);
    }

    @Test
    void findsACodeOnTheLineRightAfterALicense() {
        String license = LicenseTest.license(new FakeSecrets(7), 60, "\n", "");
        List<SecretSpan> spans = SecretScanner.find(license + "\n" + CODE);
        assertThat(spans).extracting(SecretSpan::kind).containsExactly(SecretKind.LICENSE_KEY, SecretKind.ACTIVATION_CODE);
    }
}
