package dev.supportbot.bot.portal;

/** Body of {@code POST /licenses/validate}. The text is a secret: it never appears in {@link #toString()}. */
public record LicenseText(String licenseText) {

    @Override
    public String toString() {
        return "LicenseText[" + (licenseText == null ? 0 : licenseText.length()) + " chars]";
    }
}
