package dev.supportbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bot's packages depend on each other in one direction only: no package reaches itself through others. The top
 * package (the composition root, {@value #ROOT} here) counts like any other: it may use every package, so none may use
 * it.
 */
class PackageCyclesTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/supportbot/bot");
    private static final Pattern REFERENCE = Pattern.compile("dev\\.supportbot\\.bot\\.(?:([a-z][a-z0-9_.]*)\\.)?[A-Z]");
    static final String ROOT = "(root)";

    @Test
    void no_package_depends_on_itself_through_others() throws IOException {
        Map<String, Set<String>> dependencies = dependencies();
        assertThat(dependencies).as("packages read").containsKeys(ROOT, "engine", "inbox", "portal", "sandbox", "zendesk");

        List<String> cycles = new ArrayList<>();
        for (String start : dependencies.keySet()) {
            List<String> path = cycleFrom(start, dependencies);
            if (path != null) cycles.add(String.join(" -> ", path));
        }
        assertThat(cycles).as("package cycles").isEmpty();
    }

    @Test
    void the_check_finds_a_cycle_when_there_is_one() {
        Map<String, Set<String>> withCycle = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertThat(cycleFrom("a", withCycle)).containsExactly("a", "b", "c", "a");
        assertThat(cycleFrom("d", withCycle)).isNull();
    }

    private static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> dependencies = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                String pkg = packageOf(SOURCES.relativize(file.getParent()).toString().replace('/', '.'));
                Set<String> targets = dependencies.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(read(file));
                while (m.find()) {
                    String target = packageOf(m.group(1) == null ? "" : m.group(1));
                    if (!target.equals(pkg)) targets.add(target);
                }
            });
        }
        return dependencies;
    }

    private static String packageOf(String relative) {
        return relative.isEmpty() ? ROOT : relative;
    }

    /** A path from {@code start} back to itself, or null when there is none. */
    static List<String> cycleFrom(String start, Map<String, Set<String>> dependencies) {
        return search(start, start, dependencies, new ArrayList<>(List.of(start)), new TreeSet<>());
    }

    private static List<String> search(String start, String at, Map<String, Set<String>> dependencies, List<String> path,
                                       Set<String> visited) {
        for (String next : dependencies.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                return cycle;
            }
            if (visited.add(next)) {
                path.add(next);
                List<String> found = search(start, next, dependencies, path, visited);
                if (found != null) return found;
                path.remove(path.size() - 1);
            }
        }
        return null;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
