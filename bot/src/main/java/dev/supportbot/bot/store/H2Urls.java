package dev.supportbot.bot.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/** The settings the bot adds to an H2 URL, and where an H2 URL keeps its files. */
final class H2Urls {
    private static final String PREFIX = "jdbc:h2:";
    private static final Pattern NOT_A_LOCAL_FILE = Pattern.compile("(?i)(mem|tcp|ssl|zip|memFS|memLZF):.*");

    private H2Urls() {}

    /** A database in a local file, which other processes can only reach through its automatic server. */
    static boolean isLocalFile(String url) {
        String rest = url.substring(PREFIX.length());
        return !NOT_A_LOCAL_FILE.matcher(rest).matches();
    }

    /**
     * The URL the pool uses. The bot closes H2 itself on shutdown, after its workers and scheduler, so H2's own exit
     * hook must not. H2 keeps no trace file: its error messages quote the values of failed statements, and the bot
     * logs its errors itself, masked. The CLI never creates a database.
     */
    static String pooled(String url, boolean mustExist) {
        String pooled = with(with(url, "DB_CLOSE_ON_EXIT", "FALSE"), "TRACE_LEVEL_FILE", "0");
        return mustExist ? with(pooled, "IFEXISTS", "TRUE") : pooled;
    }

    /**
     * The URL of the one connection that checks a database before the service opens its pool (without a trace file,
     * which H2 would otherwise report failing to write, stack trace and all, when the directory is not writable).
     */
    static String serviceProbe(String url) {
        return pooled(url, false);
    }

    /** The file path of a local file URL, absolute, without extension or settings; the URL without settings otherwise. */
    static String location(String url) {
        String rest = url.substring(PREFIX.length());
        int semicolon = rest.indexOf(';');
        String path = semicolon < 0 ? rest : rest.substring(0, semicolon);
        if (!isLocalFile(url)) return PREFIX + path;
        if (path.regionMatches(true, 0, "file:", 0, 5)) path = path.substring(5);
        if (path.startsWith("~")) path = System.getProperty("user.home") + path.substring(1);
        return Path.of(path).toAbsolutePath().normalize().toString();
    }

    private static String with(String url, String key, String value) {
        return url.toUpperCase(Locale.ROOT).contains(";" + key + "=") ? url : url + ";" + key + "=" + value;
    }
}
