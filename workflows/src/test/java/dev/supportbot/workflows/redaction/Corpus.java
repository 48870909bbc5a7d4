package dev.supportbot.workflows.redaction;

import java.util.ArrayList;
import java.util.List;

/** The cases of corpus.txt: each comment's text (markers stripped, CRLF applied) and its expected secrets. */
record Corpus(List<Case> cases) {

    record Case(String id, String text, List<SecretSpan> expected) {
        boolean isDecoy() {
            return expected.isEmpty();
        }

        /** The text as it must read after masking. */
        String masked() {
            StringBuilder out = new StringBuilder();
            int at = 0;
            for (SecretSpan span : expected) {
                out.append(text, at, span.start()).append(span.kind().mask());
                at = span.end();
            }
            return out.append(text, at, text.length()).toString();
        }
    }

    static Corpus parse(String corpus) {
        List<Case> cases = new ArrayList<>();
        String[] blocks = ("\n" + corpus).split("\n=== ");
        for (int b = 1; b < blocks.length; b++) {
            String block = blocks[b];
            int headerEnd = block.indexOf('\n');
            String[] header = block.substring(0, headerEnd).trim().split(" ");
            String raw = block.substring(headerEnd + 1);
            if (raw.endsWith("\n")) raw = raw.substring(0, raw.length() - 1);
            if (header.length > 1 && header[1].equals("crlf")) raw = raw.replace("\n", "\r\n");
            cases.add(strip(header[0], raw));
        }
        return new Corpus(cases);
    }

    private static Case strip(String id, String raw) {
        StringBuilder text = new StringBuilder(raw.length());
        List<SecretSpan> expected = new ArrayList<>();
        int open = -1;
        SecretKind kind = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == CorpusGenerator.CODE_OPEN || c == CorpusGenerator.LICENSE_OPEN) {
                if (open >= 0) throw new IllegalArgumentException(id + ": nested marker");
                open = text.length();
                kind = c == CorpusGenerator.CODE_OPEN ? SecretKind.ACTIVATION_CODE : SecretKind.LICENSE_KEY;
            } else if (c == CorpusGenerator.CODE_CLOSE || c == CorpusGenerator.LICENSE_CLOSE) {
                if (open < 0) throw new IllegalArgumentException(id + ": unopened marker");
                expected.add(new SecretSpan(kind, open, text.length()));
                open = -1;
            } else {
                text.append(c);
            }
        }
        if (open >= 0) throw new IllegalArgumentException(id + ": unclosed marker");
        return new Case(id, text.toString(), List.copyOf(expected));
    }
}
