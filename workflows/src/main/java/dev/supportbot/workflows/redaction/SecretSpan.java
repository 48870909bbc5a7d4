package dev.supportbot.workflows.redaction;

/** Where a secret stands in a text: {@code [start, end)} in chars. */
public record SecretSpan(SecretKind kind, int start, int end) {

    public SecretSpan {
        if (start < 0 || end <= start) throw new IllegalArgumentException("bad span " + start + ".." + end);
    }

    public int length() {
        return end - start;
    }
}
