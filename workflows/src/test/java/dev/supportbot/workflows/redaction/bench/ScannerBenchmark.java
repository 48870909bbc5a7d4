package dev.supportbot.workflows.redaction.bench;

import dev.supportbot.workflows.redaction.FakeSecrets;
import dev.supportbot.workflows.redaction.SecretScanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Throughput of {@link SecretScanner} on one thread, on ~128 MB of typical ticket comments: prose with ids, links,
 * hashes, email quotes, stack traces and the corpus's decoys; about 1 comment in 200 holds an activation code and 1
 * in 1,000 a license. Not a test: run it by hand on a quiet machine.
 *
 * <pre>
 * mvn -B -q -o -pl workflows test-compile exec:java \
 *     -Dexec.mainClass=dev.supportbot.workflows.redaction.bench.ScannerBenchmark [-Dexec.args="128 5"]
 * </pre>
 * Arguments: megabytes of text (default 128), measured rounds (default 5). Each round scans every comment once;
 * 3 warm-up rounds come first. MB = 10^6 bytes of UTF-8.
 */
public final class ScannerBenchmark {
    private static final String[] SENTENCES = {
        "Hi team, we renewed subscription %SUB% last week but the instance still shows the old seat count.",
        "Invoice %INV% was paid on %DATE% according to our finance department, please double-check.",
        "The Zuora account is %ZUORA% and the Sold To contact is %EMAIL%.",
        "Could you please confirm which license is the active one on %HOST%?",
        "We upgraded to %VERSION% (commit %SHA%) and since then the subscription page shows an error.",
        "Our instance UUID is %UUID%, usage ping last checked %DATE%.",
        "See the screenshot at %URL% for the exact message.",
        "Thanks for the quick reply, I will forward this to our procurement team.",
        "The error says the license had 312 active users, exceeding this license's limit of 300.",
        "You have applied a True-up for 12 users but you need one for 19 users.",
        "We run the Helm chart with image %IMAGE% on Kubernetes 1.28.",
        "Ticket #%NUM% was merged into this one; the AM is in copy.",
        "Please update the Sold To email from %EMAIL% to %EMAIL%, the AM approved it.",
        "I tried again after restarting Puma and Sidekiq but nothing changed.",
        "The seat link sync failed with HTTP 422 at %DATE%, request id %REQID%.",
        "Is it possible to add a second subscription management contact for our EMEA office?",
        "We need an invoice for the additional 25 seats with the PO number %NUM% on it.",
        "Please find the output of gitlab-rake gitlab:license:info below.",
        "The quote %QUOTE% expires at the end of the month, can you extend it?",
        "Our security team asked whether the bot stores any license data, please advise.",
        "Can you send the new license to the Sold To contact? The old one expires on %DATE%.",
        "The namespace %NAMESPACE% still shows the Free plan after the purchase.",
        "I am the new GitLab administrator since %DATE%, my predecessor left the company.",
        "Ownership was verified through the billing account and a signed letter on company paper.",
    };

    private ScannerBenchmark() {}

    public static void main(String[] args) throws IOException {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 128;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> decoys = corpusDecoys();
        FakeSecrets fake = new FakeSecrets(42);
        List<String> comments = new ArrayList<>();
        long bytes = 0;
        int withCode = 0;
        int withLicense = 0;
        while (bytes < megabytes * 1_000_000L) {
            StringBuilder comment = new StringBuilder(2_048);
            Random r = fake.random();
            int kind = r.nextInt(1_000);
            comment.append(prose(fake, 2 + r.nextInt(8)));
            if (kind < 5) {
                comment.append("\n\nActivation code: ").append(fake.activationCode()).append('\n');
                withCode++;
            } else if (kind == 5) {
                comment.append("\n\nHere is the license file:\n").append(FakeSecrets.wrap(fake.licenseBase64(), 60, "\n", ""))
                        .append('\n');
                withLicense++;
            }
            if (r.nextInt(3) == 0) comment.append("\n\n").append(decoys.get(r.nextInt(decoys.size())));
            if (r.nextInt(20) == 0) comment.append("\n\n").append(stackTrace());
            if (r.nextInt(2) == 0) {
                comment.append("\n\nOn Tue, 5 Mar 2024 at 10:12, GitLab Support <support@gitlab.example.com> wrote:\n")
                        .append(prose(fake, 3 + r.nextInt(6)).replaceAll("(?m)^", "> "));
            }
            comment.append("\n\nBest regards,\nAlex Example\nIT Operations, ACME Industries\n+49 30 1234567");
            String text = comment.toString();
            comments.add(text);
            bytes += text.getBytes(StandardCharsets.UTF_8).length;
        }
        System.out.printf("text: %d comments, %.1f MB, %d with an activation code, %d with a license "
                + "(find and mask should report %d)%n", comments.size(), bytes / 1e6, withCode, withLicense,
                withCode + withLicense);

        run("find", comments, bytes, rounds, ScannerBenchmark::findAll);
        run("mask", comments, bytes, rounds, ScannerBenchmark::maskAll);
        run("containsSecret", comments, bytes, rounds, ScannerBenchmark::containsAll);
        String oneText = String.join("\n\n", comments);
        run("find (one string)", List.of(oneText), oneText.getBytes(StandardCharsets.UTF_8).length, rounds,
                ScannerBenchmark::findAll);
    }

    private interface Pass {
        long run(List<String> comments);
    }

    private static long findAll(List<String> comments) {
        long found = 0;
        for (String comment : comments) found += SecretScanner.find(comment).size();
        return found;
    }

    private static long maskAll(List<String> comments) {
        long changed = 0;
        for (String comment : comments) changed += SecretScanner.mask(comment) == comment ? 0 : 1;
        return changed;
    }

    private static long containsAll(List<String> comments) {
        long with = 0;
        for (String comment : comments) with += SecretScanner.containsSecret(comment) ? 1 : 0;
        return with;
    }

    private static void run(String name, List<String> comments, long bytes, int rounds, Pass pass) {
        long result = 0;
        for (int i = 0; i < 3; i++) result += pass.run(comments);
        double[] mbPerSecond = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            result += pass.run(comments);
            mbPerSecond[i] = bytes / 1e6 / ((System.nanoTime() - start) / 1e9);
        }
        Arrays.sort(mbPerSecond);
        System.out.printf("%-18s median %7.1f MB/s, best %7.1f MB/s, worst %7.1f MB/s (%d rounds; found %d)%n", name,
                mbPerSecond[rounds / 2], mbPerSecond[rounds - 1], mbPerSecond[0], rounds, result / (rounds + 3));
    }

    private static String prose(FakeSecrets fake, int sentences) {
        Random r = fake.random();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            if (i > 0) out.append(r.nextInt(4) == 0 ? "\n\n" : " ");
            out.append(fill(fake, SENTENCES[r.nextInt(SENTENCES.length)]));
        }
        return out.toString();
    }

    private static String fill(FakeSecrets fake, String sentence) {
        Random r = fake.random();
        StringBuilder out = new StringBuilder(sentence.length() + 64);
        int at = 0;
        while (true) {
            int open = sentence.indexOf('%', at);
            if (open < 0) break;
            int close = sentence.indexOf('%', open + 1);
            out.append(sentence, at, open);
            String name = sentence.substring(open + 1, close);
            switch (name) {
                case "SUB": out.append("A-S000").append(10_000 + r.nextInt(90_000)); break;
                case "INV": out.append("INV-").append(1_000 + r.nextInt(9_000)).append("-A"); break;
                case "ZUORA": out.append("A000").append(10_000 + r.nextInt(90_000)); break;
                case "EMAIL": out.append("user").append(r.nextInt(10_000)).append("@acme-industries.example.com"); break;
                case "HOST": out.append("gitlab").append(r.nextInt(100)).append(".acme.example.com"); break;
                case "VERSION": out.append("16.").append(r.nextInt(12)).append('.').append(r.nextInt(10)).append("-ee"); break;
                case "SHA": out.append(fake.hex(40)); break;
                case "UUID": out.append(fake.uuid()); break;
                case "DATE": out.append("2024-0").append(1 + r.nextInt(9)).append('-').append(10 + r.nextInt(18)); break;
                case "URL": out.append("https://acme.zendesk.example.com/attachments/token/")
                        .append(fake.randomChars(FakeSecrets.ALPHANUMERIC, 24)).append("/?name=screenshot.png"); break;
                case "IMAGE": out.append("registry.gitlab.com/gitlab-org/build/cng/gitlab-webservice-ee@sha256:")
                        .append(fake.hex(64)); break;
                case "NUM": out.append(100_000 + r.nextInt(900_000)); break;
                case "REQID": out.append(fake.randomChars("0123456789ABCDEFGHJKMNPQRSTVWXYZ", 26)); break;
                case "QUOTE": out.append("Q-000").append(10_000 + r.nextInt(90_000)); break;
                case "NAMESPACE": out.append("acme-corp/platform-team-").append(r.nextInt(50)); break;
                default: throw new IllegalArgumentException(name);
            }
            at = close + 1;
        }
        return out.append(sentence, at, sentence.length()).toString();
    }

    private static String stackTrace() {
        return "java.lang.IllegalStateException: Seat count mismatch\n"
                + "\tat com.acme.gitlab.sync.SubscriptionSyncService.reconcileSeats(SubscriptionSyncService.java:214)\n"
                + "\tat org.springframework.aop.framework.CglibAopProxy$DynamicAdvisedInterceptor.intercept(CglibAopProxy.java:708)\n"
                + "\tat com.acme.gitlab.sync.SyncJob.run(SyncJob.java:57)\n"
                + "\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)";
    }

    /** The decoy-only comments of the test corpus (they hold no secret, so no marker to strip). */
    private static List<String> corpusDecoys() throws IOException {
        String corpus;
        try (InputStream in = ScannerBenchmark.class.getClassLoader().getResourceAsStream("redaction/corpus.txt")) {
            if (in == null) throw new IOException("redaction/corpus.txt is not on the classpath");
            corpus = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> decoys = new ArrayList<>();
        for (String block : ("\n" + corpus).split("\n=== ")) {
            if (block.startsWith("decoy-")) decoys.add(block.substring(block.indexOf('\n') + 1));
        }
        return decoys;
    }
}
