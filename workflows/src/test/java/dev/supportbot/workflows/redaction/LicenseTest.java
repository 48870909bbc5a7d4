package dev.supportbot.workflows.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The license-key rules: where a blob starts and ends, and what is not a license. */
class LicenseTest {
    private final FakeSecrets fake = new FakeSecrets(11);

    static String license(FakeSecrets fake, int width, String eol, String prefix) {
        return FakeSecrets.wrap(fake.licenseBase64(), width, eol, prefix);
    }

    /** The single span found in {@code text}, as text. */
    private static String onlyLicenseIn(String text) {
        List<SecretSpan> spans = SecretScanner.find(text);
        assertThat(spans).hasSize(1);
        assertThat(spans.get(0).kind()).isEqualTo(SecretKind.LICENSE_KEY);
        return text.substring(spans.get(0).start(), spans.get(0).end());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 8, 13, 40, 60, 61, 64, 76, 100})
    void spansTheWholeBlobAtAnyWidth(int width) {
        String blob = license(fake, width, "\n", "");
        assertThat(onlyLicenseIn("Here it is:\n" + blob + "\n\nThanks")).isEqualTo(blob);
    }

    @Test
    void followsCrlfIndentedAndEmailQuotedLines() {
        for (String prefix : List.of("    ", "\t", "> ", "> > ", ">")) {
            String blob = license(fake, 60, "\r\n", prefix);
            assertThat(onlyLicenseIn("> wrote:\r\n" + prefix + blob + "\r\n" + prefix.strip() + "\r\n> Bye"))
                    .as(prefix).isEqualTo(blob);
        }
    }

    @Test
    void includesTheBeginAndEndLinesAroundTheBlob() {
        String blob = license(fake, 64, "\n", "> ");
        String block = "-----BEGIN GITLAB LICENSE-----\n> " + blob + "\n> -----END GITLAB LICENSE-----";
        String text = "Here:\n> " + block + "\n> thanks";
        assertThat(onlyLicenseIn(text)).isEqualTo(block);
        assertThat(SecretScanner.mask(text)).isEqualTo("Here:\n> [REDACTED license key]\n> thanks");
    }

    @Test
    void includesABeginLineWithoutAnEndLineAndOtherMarkerWording() {
        String blob = license(fake, 60, "\n", "");
        assertThat(onlyLicenseIn("--- BEGIN LICENSE ---\n" + blob + "\nbye")).startsWith("--- BEGIN LICENSE ---\neyJkYXRh");
        assertThat(onlyLicenseIn("-----BEGIN CERTIFICATE-----\n" + blob)).isEqualTo(blob);
        assertThat(onlyLicenseIn(blob + "\n-----END CERTIFICATE-----")).isEqualTo(blob);
    }

    @Test
    void followsLinesFlattenedToSpacesAndJsonEscapedLineBreaks() {
        String flat = license(fake, 60, " ", "");
        assertThat(onlyLicenseIn("Slack ate the newlines: " + flat + " sorry")).isEqualTo(flat);
        String escaped = license(fake, 60, "\\n", "");
        assertThat(onlyLicenseIn("{\"license\":\"" + escaped + "\\n\",\"plan\":\"premium\"}")).isEqualTo(escaped);
    }

    @Test
    void endsAtThePaddingEvenWhenTextFollowsOnTheSameLine() {
        String blob = license(fake, 0, "\n", "");
        // The decoding reaches the closing brace at the blob's last char (or its padding): "Thanks" is not read.
        assertThat(onlyLicenseIn(blob + "Thanks!")).isEqualTo(blob);
        assertThat(onlyLicenseIn("(" + blob + ").")).isEqualTo(blob);
    }

    @Test
    void keepsATruncatedPasteButNotTheProseAfterIt() {
        String cut = license(fake, 0, "\n", "").substring(0, 333);
        String wrapped = FakeSecrets.wrap(cut, 60, "\n", "");
        assertThat(onlyLicenseIn("Here:\n" + wrapped + "\nThanks\nBob")).isEqualTo(wrapped);
        assertThat(onlyLicenseIn(wrapped + "\nand the code for the other one is below")).isEqualTo(wrapped);
        assertThat(onlyLicenseIn(cut + " thanks")).isEqualTo(cut);
        assertThat(onlyLicenseIn(cut.substring(0, 40))).isEqualTo(cut.substring(0, 40));
    }

    @Test
    void aShortLastChunkThatDecodesButDoesNotCompleteTheLicenseIsLeftOut() {
        String cut = license(fake, 0, "\n", "").substring(0, 332); // a quad boundary inside the data value
        String wrapped = FakeSecrets.wrap(cut, 60, "\n", "");
        // "QUJD" decodes to "ABC": it fits the data value, yet a short line that does not finish the JSON is
        // more likely a word after a cut-off paste than the last 1-15 chars of the blob.
        assertThat(onlyLicenseIn(wrapped + "\nQUJD\n\nRegards")).isEqualTo(wrapped);
        assertThat(onlyLicenseIn(cut + " QUJDREVG and more")).isEqualTo(cut);
        // A short line with more lines after it is a narrow wrap; a last line of 16+ chars is part of the blob.
        String more = wrapped + "\nQUJD\nQUJDQUJDQUJDQUJD";
        assertThat(onlyLicenseIn(more + "\n\nRegards")).isEqualTo(more);
    }

    @Test
    void aFragmentShorterThanFortyCharsIsNotALicense() {
        String cut = license(fake, 0, "\n", "").substring(0, 39);
        assertThat(SecretScanner.find("starts with " + cut + " and then nothing")).isEmpty();
    }

    @Test
    void aDamagedBlobIsStillRedactedWhenItStartsLikeALicense() {
        String blob = license(fake, 0, "\n", "");
        String damaged = blob.substring(0, 200) + "AAAA" + blob.substring(204);
        // "AAAA" decodes to three zero bytes: not JSON. The whole token is license material all the same.
        assertThat(onlyLicenseIn(damaged + " ok")).isEqualTo(damaged);
    }

    @Test
    void acceptsPrettyPrintedJsonAndKeysInAnyOrderAfterData() {
        String json = "{ \"data\": \"" + FakeSecrets.base64(fake.bytes(96)) + "\",\n  \"iv\": \"AAAAAAAAAAAAAAAAAAAAAA==\",\n"
                + "  \"key\": \"" + FakeSecrets.base64(fake.bytes(64)) + "\" }";
        // `{ "data"` does not start with eyJkYXRh: only the form the license generator writes is recognised.
        assertThat(SecretScanner.find(FakeSecrets.base64(json))).isEmpty();
        String compact = json.replace("{ ", "{").replace(": ", ":");
        String blob = FakeSecrets.base64(compact);
        assertThat(onlyLicenseIn(blob)).isEqualTo(blob);
    }

    @Test
    void base64JsonThatIsNotALicenseIsNotReported() {
        String random = FakeSecrets.base64(fake.bytes(120));
        List<String> notLicenses = List.of(
                "{\"data\":{\"type\":\"subscriptions\",\"id\":\"42\",\"attributes\":{\"seats\":10}}}", // JSON:API
                "{\"data\":[1,2,3],\"key\":\"a\",\"iv\":\"b\"}",
                "{\"data\":\"" + random + "\"}",                                                    // no key, no iv
                "{\"data\":\"" + random + "\",\"key\":\"" + random + "\"}",                        // no iv
                "{\"data\":\"hello world, this is a plain sentence and not base64\",\"key\":\"k\",\"iv\":\"v\"}",
                "{\"database\":\"" + random + "\",\"key\":\"k\",\"iv\":\"v\"}");
        for (String json : notLicenses) {
            String blob = FakeSecrets.base64(json);
            assertThat(blob).startsWith("eyJkYXRh");
            assertThat(SecretScanner.find("payload " + blob + " end")).as(json).isEmpty();
            assertThat(SecretScanner.find("payload\n" + FakeSecrets.wrap(blob, 60, "\n", "") + "\nend")).as(json).isEmpty();
        }
    }

    @Test
    void aJwtIsNotALicense() {
        String jwt = fake.jwt();
        assertThat(SecretScanner.find("Authorization: Bearer " + jwt)).isEmpty();
        assertThat(SecretScanner.find(jwt)).isEmpty();
    }

    @Test
    void theMarkerInsideOtherBase64IsNotALicenseStart() {
        String blob = license(fake, 0, "\n", "");
        assertThat(SecretScanner.find("AAAA" + blob)).isEmpty();
        assertThat(SecretScanner.find("https://example.com/x/" + blob)).isEmpty();
    }

    @Test
    void findsSeveralSecretsInOrder() {
        String first = license(fake, 60, "\n", "");
        String second = license(fake, 76, "\r\n", "");
        String text = "old:\n" + first + "\ncode Q7fz2LmN9pXc4RtY8vBn3KwD\nnew:\r\n" + second + "\r\n";
        List<SecretSpan> spans = SecretScanner.find(text);
        assertThat(spans).extracting(SecretSpan::kind)
                .containsExactly(SecretKind.LICENSE_KEY, SecretKind.ACTIVATION_CODE, SecretKind.LICENSE_KEY);
        assertThat(text.substring(spans.get(0).start(), spans.get(0).end())).isEqualTo(first);
        assertThat(text.substring(spans.get(2).start(), spans.get(2).end())).isEqualTo(second);
    }
}
