package dev.supportbot.bot.testing;

import dev.supportbot.bot.redaction.TestSecrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Secrets a test plants in requests, each with the strings that would give it away if found at rest: the code itself
 * (and the encoded form it was planted in), or every line of a license and the license on one line.
 */
public final class PlantedSecrets {
    /** Lines shorter than this (a license's last line can be a few chars) could occur anywhere by chance. */
    private static final int MIN_NEEDLE = 20;

    private final Map<String, List<String>> needles = new LinkedHashMap<>();

    /** A fresh activation code, remembered under {@code where}. */
    public String code(String where) {
        String code = TestSecrets.activationCode();
        needles.put(where, new ArrayList<>(List.of(code)));
        return code;
    }

    /** A fresh license in 60-char lines joined by {@code eol} (as it stands in the decoded text), remembered. */
    public String license(String where, String eol) {
        String license = TestSecrets.license(eol);
        List<String> parts = new ArrayList<>();
        for (String line : license.split(java.util.regex.Pattern.quote(eol))) {
            if (line.length() >= MIN_NEEDLE) parts.add(line);
        }
        parts.add(license.replace(eol, ""));
        needles.put(where, parts);
        return license;
    }

    /** Also look for {@code form} (an encoded form of the secret planted under {@code where}). */
    public void alsoAs(String where, String form) {
        needles.get(where).add(form);
    }

    public int count() {
        return needles.size();
    }

    /** The planted secrets (by where they were planted) of which some part occurs in {@code text}. */
    public List<String> foundIn(String text) {
        List<String> found = new ArrayList<>();
        needles.forEach((where, parts) -> {
            if (parts.stream().anyMatch(text::contains)) found.add(where);
        });
        return found;
    }
}
