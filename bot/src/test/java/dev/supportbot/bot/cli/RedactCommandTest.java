package dev.supportbot.bot.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.redaction.TestSecrets;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RedactCommandTest {
    private static final String CODE_MASK = "[REDACTED activation code]";
    private static final String LICENSE_MASK = "[REDACTED license key]";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Terminal terminal(byte[] stdin) {
        return new Terminal(new ByteArrayInputStream(stdin), new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    }

    private int run(byte[] stdin, String... args) {
        return new Cli().run(args, terminal(stdin));
    }

    private int run(String stdin, String... args) {
        return run(stdin.getBytes(UTF_8), args);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) all.writeBytes(part);
        return all.toByteArray();
    }

    @Test
    void masks_codes_and_licenses_and_leaves_every_other_byte_as_it_was() {
        String code = TestSecrets.activationCode();
        String license = TestSecrets.license("\r\n");
        String before = "Hallo,\r\nmein Aktivierungscode: ";
        String middle = "\r\nund die Lizenz:\r\n-----BEGIN LICENSE-----\r\n";
        String after = "\r\n-----END LICENSE-----\r\n\r\nGrüße 🙂\t";
        assertThat(run(before + code + middle + license + after, "redact")).isZero();
        // The BEGIN/END lines go with the license: the scanner reports them as part of its span.
        assertThat(out.toByteArray()).isEqualTo((before + CODE_MASK + "\r\nund die Lizenz:\r\n" + LICENSE_MASK
                + "\r\n\r\nGrüße 🙂\t").getBytes(UTF_8));
        assertThat(err.toString(UTF_8)).isEmpty();
    }

    @Test
    void codes_glued_to_emoji_accents_dashes_and_cjk_brackets_are_masked_and_the_chars_around_them_kept() {
        String a = TestSecrets.activationCode();
        String b = TestSecrets.activationCode();
        String c = TestSecrets.activationCode();
        String d = TestSecrets.activationCode();
        String template = "🔑%s🙏 código:%sñ code—%s—ok 「%s」";
        assertThat(run(String.format(template, a, b, c, d), "redact")).isZero();
        assertThat(out.toString(UTF_8)).isEqualTo(String.format(template, CODE_MASK, CODE_MASK, CODE_MASK, CODE_MASK));
    }

    @Test
    void text_without_secrets_comes_out_byte_identical() {
        String text = "\uFEFFTicket #123456: renewal for A-S00012345, invoice INV-2024-0042\n"
                + "UUID 3f2b8c1e-9d4a-4e7b-a1c2-5d6e7f8a9b0c, commit 9fceb02d0ae598e95dc970b74767f19372d61af8\r\n"
                + "https://customers.example.com/subscriptions/AbCdEfGhIjKlMnOpQrStUvWx?x=1\r"
                + "Grüße 🙂 — “quoted” \u0000 NUL and a trailing blank line\n\n";
        byte[] bytes = text.getBytes(UTF_8);
        assertThat(run(bytes, "redact")).isZero();
        assertThat(out.toByteArray()).isEqualTo(bytes);
    }

    @Test
    void empty_input_gives_empty_output_and_an_empty_json_array() {
        assertThat(run(new byte[0], "redact")).isZero();
        assertThat(out.toByteArray()).isEmpty();
        assertThat(run(new byte[0], "redact", "--json")).isZero();
        assertThat(out.toString(UTF_8)).isEqualTo("[]" + System.lineSeparator());
    }

    @Test
    void invalid_utf8_bytes_pass_through_and_the_rest_is_still_read_as_utf8() {
        String code = TestSecrets.activationCode();
        // A stray Latin-1 byte and a cut-off sequence; the code stands in typographic quotes, which the scanner
        // sees only if the text is read as UTF-8 despite the bad bytes.
        byte[] head = concat(new byte[] {'c', 'a', 'f', (byte) 0xE9, ' ', (byte) 0xE2, (byte) 0x80, '\n'},
                "code: “".getBytes(UTF_8));
        byte[] tail = concat("” ok".getBytes(UTF_8), new byte[] {(byte) 0xFF, (byte) 0xF0, (byte) 0x9F});
        assertThat(run(concat(head, code.getBytes(UTF_8), tail), "redact")).isZero();
        assertThat(out.toByteArray()).isEqualTo(concat(head, CODE_MASK.getBytes(UTF_8), tail));
    }

    @Test
    void random_bytes_around_secrets_are_kept_exactly() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            byte[] noise1 = new byte[random.nextInt(300)];
            byte[] noise2 = new byte[random.nextInt(300)];
            random.nextBytes(noise1);
            random.nextBytes(noise2);
            byte[] code = (" activation code " + TestSecrets.activationCode() + " ").getBytes(UTF_8);
            out.reset();
            assertThat(run(concat(noise1, code, noise2), "redact")).isZero();
            assertThat(out.toByteArray()).isEqualTo(concat(noise1, (" activation code " + CODE_MASK + " ").getBytes(UTF_8), noise2));
        }
    }

    @Test
    void json_lists_the_spans_as_byte_offsets_without_the_secrets() {
        String code = TestSecrets.activationCode();
        String license = TestSecrets.license("\n");
        String before = "Grüße 🙂 code ";
        String between = "\nlicense:\n";
        assertThat(run(before + code + between + license + "\n", "redact", "--json")).isZero();
        int codeStart = before.getBytes(UTF_8).length;
        int licenseStart = codeStart + 24 + between.length();
        assertThat(out.toString(UTF_8)).isEqualTo("[{\"kind\":\"activation_code\",\"start\":" + codeStart + ",\"end\":"
                + (codeStart + 24) + "},{\"kind\":\"license_key\",\"start\":" + licenseStart + ",\"end\":"
                + (licenseStart + license.length()) + "}]" + System.lineSeparator());
    }

    @Test
    void help_prints_the_usage_on_stdout() {
        assertThat(run(new byte[0], "redact", "--help")).isZero();
        assertThat(out.toString(UTF_8)).contains("usage: supportbot redact [--json]");
        out.reset();
        assertThat(run(new byte[0], "--help")).isZero();
        assertThat(out.toString(UTF_8)).contains("redact");
    }

    @Test
    void bad_usage_exits_2_with_the_usage_on_stderr_and_nothing_on_stdout() {
        assertThat(run("x", "redact", "--jsn")).isEqualTo(2);
        assertThat(err.toString(UTF_8)).contains("unknown option '--jsn'").contains("usage: supportbot redact");
        assertThat(run("x", "redact", "file.txt")).isEqualTo(2);
        assertThat(run("x", "redact", "--config", "bot.yaml")).isEqualTo(2);
        assertThat(out.toByteArray()).isEmpty();
    }

    @Test
    void input_over_the_limit_is_refused_with_exit_1() throws Exception {
        Terminal terminal = terminal("0123456789abcdefg".getBytes(UTF_8));
        assertThat(new RedactCommand(16).run(List.of(), terminal)).isEqualTo(Cli.FAILURE);
        assertThat(err.toString(UTF_8)).contains("larger than the limit of 16 bytes");
        assertThat(out.toByteArray()).isEmpty();
    }
}
