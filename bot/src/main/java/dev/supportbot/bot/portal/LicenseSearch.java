package dev.supportbot.bot.portal;

/** What to look licenses up by: licensee name or company (substring), or email (exact). At least one is set. */
public record LicenseSearch(String name, String email, String company) {

    public LicenseSearch {
        if (blank(name) && blank(email) && blank(company)) {
            throw new IllegalArgumentException("search licenses by name, email or company");
        }
    }

    public static LicenseSearch byName(String name) {
        return new LicenseSearch(name, null, null);
    }

    public static LicenseSearch byEmail(String email) {
        return new LicenseSearch(null, email, null);
    }

    public static LicenseSearch byCompany(String company) {
        return new LicenseSearch(null, null, company);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
