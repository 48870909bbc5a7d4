package dev.supportbot.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The files of the test resources' {@code vendor-specs/}: the vendors' API descriptions and the exceptions table. */
final class VendorSpecs {
    private VendorSpecs() {}

    static String text(String file) {
        String resource = "vendor-specs/" + file;
        try (InputStream in = VendorSpecs.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing test resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(String file, ObjectMapper mapper) {
        try {
            return mapper.readTree(text(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
