package dev.supportbot.workflows.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The rules against many seeded random secrets and decoys: what the corpus cannot show by example. */
class RandomizedScannerTest {
    private static final String[] PREFIXES = {"", "> ", "> > ", "    ", "\t", ">"};

    @Test
    void findsRandomCodesExceptSingleCaseOnesAndWithoutContextWordLikeOnes() {
        FakeSecrets fake = new FakeSecrets(101);
        int total = 200_000;
        int missedWithContext = 0;
        int missedWithoutContext = 0;
        for (int i = 0; i < total; i++) {
            String code = fake.activationCode();
            boolean singleCase = code.equals(code.toUpperCase()) || code.equals(code.toLowerCase());
            boolean wordLike = ActivationCodeRule.looksLikeWords(code, 0, 24);

            boolean withContext = SecretScanner.find("Activation code: " + code + ".").size() == 1;
            if (!withContext) {
                missedWithContext++;
                assertThat(singleCase).as(code).isTrue();
            }
            boolean withoutContext = SecretScanner.find("We tried " + code + " yesterday.").size() == 1;
            if (!withoutContext) {
                missedWithoutContext++;
                assertThat(singleCase || wordLike).as(code).isTrue();
            }
        }
        double recallWithContext = 1 - (double) missedWithContext / total;
        double recallWithoutContext = 1 - (double) missedWithoutContext / total;
        System.out.printf("random codes: recall %.6f after \"code\", %.6f in plain prose (%d codes)%n",
                recallWithContext, recallWithoutContext, total);
        assertThat(recallWithContext).isGreaterThanOrEqualTo(0.99999);
        assertThat(recallWithoutContext).isGreaterThanOrEqualTo(0.999);
    }

    @Test
    void findsEveryWrappedLicenseExactly() {
        FakeSecrets fake = new FakeSecrets(202);
        Random r = fake.random();
        for (int i = 0; i < 2_000; i++) {
            int width = r.nextInt(5) == 0 ? 0 : 8 + r.nextInt(113);
            String prefix = PREFIXES[r.nextInt(PREFIXES.length)];
            String eol = r.nextBoolean() ? "\n" : "\r\n";
            String secret = FakeSecrets.wrap(fake.licenseBase64(), width, eol, prefix);
            if (r.nextInt(3) == 0) {
                secret = "-----BEGIN GITLAB LICENSE-----" + eol + prefix + secret + eol + prefix + "-----END GITLAB LICENSE-----";
            }
            String before = "Hi," + eol + prefix + "here is the license:" + eol + prefix;
            String after = eol + prefix + eol + prefix + "Regards, Sam " + eol;
            String text = before + secret + after;
            assertThat(SecretScanner.find(text)).as("case %d width %d prefix '%s'", i, width, prefix)
                    .containsExactly(new SecretSpan(SecretKind.LICENSE_KEY, before.length(), before.length() + secret.length()));
        }
    }

    @Test
    void findsTruncatedLicensesWithoutTheTextAfterThem() {
        FakeSecrets fake = new FakeSecrets(303);
        Random r = fake.random();
        int[] widths = {0, 60, 64, 76};
        String[] trailers = {"", "\n\nThanks,\nBob", "\nThanks, Bob", " thanks!", "\n-- \nSent from my phone", "... (cut off)"};
        for (int i = 0; i < 2_000; i++) {
            String full = fake.licenseBase64();
            String cut = full.substring(0, 80 + r.nextInt(full.length() - 200));
            int width = widths[r.nextInt(widths.length)];
            String prefix = PREFIXES[r.nextInt(PREFIXES.length)];
            String wrapped = FakeSecrets.wrap(cut, width, "\n", prefix);
            String expected = wrapped;
            int lastLine = width == 0 ? cut.length() : cut.length() % width;
            if (width > 0 && lastLine > 0 && lastLine < LicenseBlob.MIN_CHUNK) {
                // A short last line that does not finish the JSON is left out (see LicenseBlob).
                expected = wrapped.substring(0, wrapped.lastIndexOf('\n'));
            }
            String text = prefix + wrapped + trailers[r.nextInt(trailers.length)];
            assertThat(SecretScanner.find(text)).as("case %d", i)
                    .containsExactly(new SecretSpan(SecretKind.LICENSE_KEY, prefix.length(), prefix.length() + expected.length()));
        }
    }

    @Test
    void findsNothingInRandomBase64ThatIsNotALicense() {
        FakeSecrets fake = new FakeSecrets(404);
        Random r = fake.random();
        int[] widths = {0, 60, 64, 76};
        long chars = 0;
        for (int i = 0; i < 3_000; i++) {
            String blob = FakeSecrets.wrap(FakeSecrets.base64(fake.bytes(48 + r.nextInt(3_000))), widths[r.nextInt(4)],
                    r.nextBoolean() ? "\n" : "\r\n", PREFIXES[r.nextInt(PREFIXES.length)]);
            chars += blob.length();
            assertThat(SecretScanner.find("attachment:\n" + blob + "\nend")).as("case %d", i).isEmpty();
        }
        System.out.printf("random base64: no secret found in %d blobs, %d chars%n", 3_000, chars);
    }

    @Test
    void findsNothingInRandomIdsHashesTokensAndUrls() {
        FakeSecrets fake = new FakeSecrets(505);
        List<String> decoys = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String rand24 = fake.activationCode();
            decoys.add("Instance " + fake.uuid() + " / " + fake.uuid().replace("-", ""));
            decoys.add("commit " + fake.hex(40) + " (" + fake.hex(8) + "), image@sha256:" + fake.hex(64));
            decoys.add("Authorization: Bearer " + fake.jwt());
            decoys.add("https://customers.example.com/subscriptions/" + rand24 + "/seats?ref=" + fake.activationCode());
            decoys.add("mail " + rand24 + "@users.noreply.example.com or " + rand24 + ".tenant.example.net");
            decoys.add("token glpat-" + fake.randomChars(FakeSecrets.ALPHANUMERIC, 20) + " and " + fake.activationCode()
                    + fake.activationCode());
        }
        for (String decoy : decoys) {
            assertThat(SecretScanner.find(decoy)).as(decoy).isEmpty();
        }
        System.out.printf("random decoys: no secret found in %d strings%n", decoys.size());
    }
}
