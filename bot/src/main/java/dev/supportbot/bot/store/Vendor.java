package dev.supportbot.bot.store;

/** The two databases the bot runs on. */
public enum Vendor {
    H2("h2"),
    POSTGRESQL("postgresql");

    private final String folder;

    Vendor(String folder) {
        this.folder = folder;
    }

    public static Vendor of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) return POSTGRESQL;
        if (jdbcUrl.startsWith("jdbc:h2:")) return H2;
        throw new IllegalArgumentException("unsupported JDBC URL (use jdbc:h2: or jdbc:postgresql:)");
    }

    /** Folder of this vendor's own migrations, beside the common ones. */
    public String migrationFolder() {
        return folder;
    }
}
