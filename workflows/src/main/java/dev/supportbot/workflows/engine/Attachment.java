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
        return IMAGE_EXTENSIONS.contains(extension());
    }

    /** True for PDF documents (by content type or file extension): invoices and contracts come as such. */
    public boolean looksLikePdf() {
        return "application/pdf".equalsIgnoreCase(contentType) || "pdf".equals(extension());
    }

    /** True for a license file as GitLab downloads it ({@code .gitlab-license}). */
    public boolean looksLikeLicenseFile() {
        return "gitlab-license".equals(extension());
    }

    /** The file name, lower case, for what it says about the content ("invoice-may.png"); "" when there is none. */
    public String lowerCaseName() {
        return fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    }

    private String extension() {
        String name = lowerCaseName();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
