package dev.supportbot.workflows.redaction;

/** The kinds of secret customers paste into tickets. */
public enum SecretKind {
    /** A cloud license activation code: 24 alphanumeric characters. */
    ACTIVATION_CODE("activation code"),
    /** A legacy license file's text: base64 of JSON with data, key and iv. */
    LICENSE_KEY("license key");

    private final String label;

    SecretKind(String label) {
        this.label = label;
    }

    /** Words for a human: "activation code", "license key". */
    public String label() {
        return label;
    }

    /** The text that replaces a secret of this kind, e.g. {@code [REDACTED activation code]}. */
    public String mask() {
        return "[REDACTED " + label + "]";
    }
}
