package dev.supportbot.workflows.redaction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code redaction/corpus-templates.txt} into {@code redaction/corpus.txt}: the same support comments with
 * fresh fake secrets and decoys from a fixed seed, each expected secret marked {@code ⟦code⟧} or {@code ⟪license⟫}.
 * Run it after editing the templates:
 * {@code mvn -B -q -o -pl workflows test-compile exec:java -Dexec.mainClass=dev.supportbot.workflows.redaction.CorpusGenerator}
 * ({@link CorpusTest} fails while corpus.txt is out of date).
 */
public final class CorpusGenerator {
    static final long SEED = 20240305L;
    static final String TEMPLATES = "redaction/corpus-templates.txt";
    static final String CORPUS = "redaction/corpus.txt";
    static final char CODE_OPEN = '⟦';
    static final char CODE_CLOSE = '⟧';
    static final char LICENSE_OPEN = '⟪';
    static final char LICENSE_CLOSE = '⟫';

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Z0-9]+)((?: [0-9]+)*)}");

    private CorpusGenerator() {}

    public static void main(String[] args) throws IOException {
        Path out = args.length > 0 ? Path.of(args[0]) : moduleDir().resolve("src/test/resources").resolve(CORPUS);
        Files.writeString(out, generate(readTemplates(), SEED), StandardCharsets.UTF_8);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    /** workflows/, found from target/test-classes, whatever directory Maven was started in. */
    private static Path moduleDir() {
        try {
            return Path.of(CorpusGenerator.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getParent().getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String readTemplates() throws IOException {
        return readResource(TEMPLATES);
    }

    static String readResource(String name) throws IOException {
        try (var in = CorpusGenerator.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IOException("missing " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The corpus text: the templates from the first case header on, placeholders expanded. */
    static String generate(String templates, long seed) {
        FakeSecrets fake = new FakeSecrets(seed);
        String cases = templates.substring(templates.indexOf("\n=== ") + 1);
        Matcher m = PLACEHOLDER.matcher(cases);
        StringBuilder out = new StringBuilder(cases.length() * 4);
        while (m.find()) {
            m.appendReplacement(out, "");
            String[] args = m.group(2).isBlank() ? new String[0] : m.group(2).trim().split(" ");
            out.append(expand(fake, m.group(1), args, linePrefix(out)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The spaces, tabs and '>' that start the line being written: continuation lines of a blob repeat them. */
    private static String linePrefix(StringBuilder out) {
        int lineStart = out.lastIndexOf("\n") + 1;
        int i = lineStart;
        while (i < out.length() && " \t>".indexOf(out.charAt(i)) >= 0) i++;
        return out.substring(lineStart, i);
    }

    private static String expand(FakeSecrets fake, String name, String[] args, String prefix) {
        switch (name) {
            case "CODE":
                return CODE_OPEN + fake.activationCode() + CODE_CLOSE;
            case "LIC":
                return LICENSE_OPEN + FakeSecrets.wrap(fake.licenseBase64(), arg(args, 0), "\n", prefix) + LICENSE_CLOSE;
            case "LICB":
                return LICENSE_OPEN + "-----BEGIN GITLAB LICENSE-----\n" + prefix
                        + FakeSecrets.wrap(fake.licenseBase64(), arg(args, 0), "\n", prefix)
                        + "\n" + prefix + "-----END GITLAB LICENSE-----" + LICENSE_CLOSE;
            case "LICT":
                return LICENSE_OPEN + FakeSecrets.wrap(fake.licenseBase64().substring(0, arg(args, 1)), arg(args, 0), "\n", prefix)
                        + LICENSE_CLOSE;
            case "LICS":
                return LICENSE_OPEN + FakeSecrets.wrap(fake.licenseBase64(), 60, " ", "") + LICENSE_CLOSE;
            case "LICJ":
                return LICENSE_OPEN + FakeSecrets.wrap(fake.licenseBase64(), 60, "\\n", "") + LICENSE_CLOSE;
            case "RAND":
                return fake.randomChars(FakeSecrets.ALPHANUMERIC, arg(args, 0));
            case "HEX":
                return fake.hex(arg(args, 0));
            case "HEXU":
                return fake.hex(arg(args, 0)).toUpperCase(java.util.Locale.ROOT);
            case "NUM":
                return fake.randomChars("0123456789", arg(args, 0));
            case "UUID":
                return fake.uuid();
            case "JWT":
                return fake.jwt();
            case "B64":
                return FakeSecrets.wrap(FakeSecrets.base64(fake.bytes(arg(args, 0))), arg(args, 1), "\n", prefix);
            case "JSONAPI":
                return FakeSecrets.base64("{\"data\":{\"type\":\"subscriptions\",\"id\":\"" + fake.randomChars(FakeSecrets.ALPHANUMERIC, 24)
                        + "\",\"attributes\":{\"seats\":" + (10 + fake.random().nextInt(500)) + ",\"plan\":\"premium\"}}}");
            case "DATAONLY":
                return FakeSecrets.base64("{\"data\":\"" + FakeSecrets.base64(fake.bytes(96)) + "\"}");
            default:
                throw new IllegalArgumentException("unknown placeholder " + name);
        }
    }

    private static int arg(String[] args, int i) {
        return Integer.parseInt(args[i]);
    }
}
