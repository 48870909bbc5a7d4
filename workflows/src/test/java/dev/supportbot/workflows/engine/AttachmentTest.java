package dev.supportbot.workflows.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttachmentTest {
    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "shot.PNG, null, true", "x.bin, image/jpeg, true", "photo.heic, application/octet-stream, true",
            "license.txt, text/plain, false", "invoice.pdf, application/pdf, false", "null, null, false", "noext, null, false"})
    void images_by_type_or_extension(String name, String type, boolean image) {
        assertThat(new Attachment(name, type).looksLikeImage()).isEqualTo(image);
    }
}
