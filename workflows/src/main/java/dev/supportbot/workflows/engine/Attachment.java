package dev.supportbot.workflows.engine;

import java.util.Locale;
import java.util.Set;

/** An attachment of a comment: only its name and type; the workflows never read its content. */
public record Attachment(String fileName, String contentType) {

    private static final Set<String> IMAGE_EXTENSIONS =
            Set.of("png", "jpg", "jpeg", "gif", "bmp", "webp", "heic", "tif", "tiff");

    /** True for pictures (by content type or file extension), which are never accepted as proof. */
    public boolean looksLikeImage() {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("image/")) return true;
        if (fileName == null) return false;
        int dot = fileName.lastIndexOf('.');
        return dot >= 0 && IMAGE_EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
