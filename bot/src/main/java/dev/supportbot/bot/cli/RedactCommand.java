package dev.supportbot.bot.cli;

import dev.supportbot.workflows.redaction.SecretScanner;
import dev.supportbot.workflows.redaction.SecretSpan;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * {@code supportbot redact [--json]}: stdin to stdout with every activation code and license key masked, every other
 * byte as it was; or, with {@code --json}, where the secrets are, as byte offsets into the input (the unit that
 * matters for a tool that preserves bytes, e.g. to cut them out with {@code dd} or {@code head -c}).
 */
final class RedactCommand implements Subcommand {
    static final int MAX_INPUT = 256 << 20;
    static final String USAGE = """
            usage: supportbot redact [--json] < INPUT
              Copies stdin to stdout with every activation code and license key replaced by
              [REDACTED activation code] or [REDACTED license key]; all other bytes are left unchanged.
              --json   print the secrets' byte offsets in the input instead (never the secrets):
                       [{"kind":"activation_code","start":10,"end":34},{"kind":"license_key",...}]
            stdin is read as UTF-8 (bytes that are not valid UTF-8 pass through); at most 256 MiB.""";

    private final int maxInput;

    RedactCommand() {
        this(MAX_INPUT);
    }

    RedactCommand(int maxInput) {
        this.maxInput = maxInput;
    }

    @Override
    public String name() {
        return "redact";
    }

    @Override
    public String summary() {
        return "mask activation codes and license keys in stdin";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> args, Terminal terminal) throws Exception {
        Options options = Options.parse(args, List.of("--json"));
        if (options.config != null) throw new UsageException("takes no --config");
        if (!options.positionals.isEmpty()) throw new UsageException("takes no arguments: it reads stdin");
        byte[] input = terminal.in().readNBytes(maxInput + 1);
        if (input.length > maxInput) {
            terminal.err().println("supportbot redact: input is larger than the limit of " + maxInput + " bytes");
            return Cli.FAILURE;
        }
        Utf8Text text = Utf8Text.decode(input);
        List<SecretSpan> spans = SecretScanner.find(text.text());
        int[] offsets = text.byteOffsets(boundaries(spans));
        PrintStream out = terminal.out();
        if (options.flags.contains("--json")) printSpans(spans, offsets, out);
        else writeMasked(input, spans, offsets, out);
        if (out.checkError()) {
            terminal.err().println("supportbot redact: could not write to stdout");
            return Cli.FAILURE;
        }
        return Cli.OK;
    }

    /** Start and end of each span, in order: {@code [start0, end0, start1, end1, ...]}. */
    private static int[] boundaries(List<SecretSpan> spans) {
        int[] boundaries = new int[spans.size() * 2];
        for (int i = 0; i < spans.size(); i++) {
            boundaries[2 * i] = spans.get(i).start();
            boundaries[2 * i + 1] = spans.get(i).end();
        }
        return boundaries;
    }

    private static void writeMasked(byte[] input, List<SecretSpan> spans, int[] offsets, PrintStream out) {
        int at = 0;
        for (int i = 0; i < spans.size(); i++) {
            out.write(input, at, offsets[2 * i] - at);
            out.writeBytes(spans.get(i).kind().mask().getBytes(StandardCharsets.US_ASCII));
            at = offsets[2 * i + 1];
        }
        out.write(input, at, input.length - at);
        out.flush();
    }

    private static void printSpans(List<SecretSpan> spans, int[] offsets, PrintStream out) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < spans.size(); i++) {
            if (i > 0) json.append(',');
            json.append("{\"kind\":\"").append(spans.get(i).kind().name().toLowerCase(Locale.ROOT))
                    .append("\",\"start\":").append(offsets[2 * i]).append(",\"end\":").append(offsets[2 * i + 1]).append('}');
        }
        out.println(json.append(']'));
        out.flush();
    }
}
