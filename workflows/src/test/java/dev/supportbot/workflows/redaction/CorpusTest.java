package dev.supportbot.workflows.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of {@link SecretScanner} on the corpus of support comments (redaction/corpus.txt), counted
 * per span: a found span is right only if kind, start and end are all as marked.
 */
class CorpusTest {
    private static Corpus corpus;

    @BeforeAll
    static void load() throws IOException {
        corpus = Corpus.parse(CorpusGenerator.readResource(CorpusGenerator.CORPUS));
    }

    @Test
    void corpusIsLargeAndCoversEveryKind() {
        long decoys = corpus.cases().stream().filter(Corpus.Case::isDecoy).count();
        long codes = expected().stream().filter(s -> s.kind() == SecretKind.ACTIVATION_CODE).count();
        long licenses = expected().stream().filter(s -> s.kind() == SecretKind.LICENSE_KEY).count();
        long crlf = corpus.cases().stream().filter(c -> c.text().contains("\r\n")).count();
        System.out.printf("corpus: %d comments (%d decoy-only, %d CRLF), %d activation codes, %d licenses%n",
                corpus.cases().size(), decoys, crlf, codes, licenses);
        assertThat(corpus.cases()).hasSizeGreaterThanOrEqualTo(150);
        assertThat(decoys).isGreaterThanOrEqualTo(80);
        assertThat(codes).isGreaterThanOrEqualTo(60);
        assertThat(licenses).isGreaterThanOrEqualTo(30);
        assertThat(crlf).isGreaterThanOrEqualTo(5);
    }

    @Test
    void everySecretIsFoundExactlyAndNothingElse() {
        Map<SecretKind, int[]> counts = new EnumMap<>(SecretKind.class); // true positives, false positives, false negatives
        for (SecretKind kind : SecretKind.values()) counts.put(kind, new int[3]);
        int decoyFalsePositives = 0;
        List<String> mistakes = new ArrayList<>();
        for (Corpus.Case c : corpus.cases()) {
            List<SecretSpan> found = SecretScanner.find(c.text());
            Set<SecretSpan> expected = new HashSet<>(c.expected());
            for (SecretSpan span : found) {
                if (expected.contains(span)) {
                    counts.get(span.kind())[0]++;
                } else {
                    counts.get(span.kind())[1]++;
                    if (c.isDecoy()) decoyFalsePositives++;
                    mistakes.add(c.id() + " false positive " + span + " " + excerpt(c.text(), span));
                }
            }
            for (SecretSpan span : c.expected()) {
                if (!found.contains(span)) {
                    counts.get(span.kind())[2]++;
                    mistakes.add(c.id() + " missed " + span + " " + excerpt(c.text(), span));
                }
            }
        }
        int tp = 0, fp = 0, fn = 0;
        for (var e : counts.entrySet()) {
            int[] k = e.getValue();
            tp += k[0];
            fp += k[1];
            fn += k[2];
            System.out.printf("corpus %-15s precision %.4f recall %.4f (tp %d, fp %d, fn %d)%n", e.getKey().label(),
                    ratio(k[0], k[0] + k[1]), ratio(k[0], k[0] + k[2]), k[0], k[1], k[2]);
        }
        System.out.printf("corpus overall         precision %.4f recall %.4f (tp %d, fp %d, fn %d; fp on decoy-only comments %d)%n",
                ratio(tp, tp + fp), ratio(tp, tp + fn), tp, fp, fn, decoyFalsePositives);
        mistakes.forEach(m -> System.out.println("  " + m));

        assertThat(mistakes).isEmpty();
        assertThat(tp).isEqualTo(expected().size());
    }

    @Test
    void maskReplacesExactlyTheSecretsAndKeepsEverythingElse() {
        for (Corpus.Case c : corpus.cases()) {
            assertThat(SecretScanner.mask(c.text())).as(c.id()).isEqualTo(c.masked());
        }
    }

    @Test
    void containsSecretAgreesWithTheMarks() {
        for (Corpus.Case c : corpus.cases()) {
            assertThat(SecretScanner.containsSecret(c.text())).as(c.id()).isEqualTo(!c.isDecoy());
        }
    }

    @Test
    void committedCorpusIsWhatTheGeneratorMakesOfTheTemplates() throws IOException {
        String generated = CorpusGenerator.generate(CorpusGenerator.readTemplates(), CorpusGenerator.SEED);
        assertThat(CorpusGenerator.readResource(CorpusGenerator.CORPUS))
                .as("corpus.txt is stale: run CorpusGenerator (see its javadoc)")
                .isEqualTo(generated);
    }

    private static List<SecretSpan> expected() {
        return corpus.cases().stream().flatMap(c -> c.expected().stream()).toList();
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 1.0 : (double) a / b;
    }

    private static String excerpt(String text, SecretSpan span) {
        int from = Math.max(0, span.start() - 20);
        int to = Math.min(text.length(), span.end() + 20);
        String s = text.substring(from, to).replace("\r", "\\r").replace("\n", "\\n");
        return "«" + (s.length() > 160 ? s.substring(0, 80) + "…" + s.substring(s.length() - 70) : s) + "»";
    }
}
