package dev.supportbot.workflows;

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

/**
 * For tests of a module's packages: which package's sources name which other package's types, and the cycles among
 * them. The top package (the module's own, {@value #ROOT} here) counts like any other.
 */
public final class PackageCycles {
    public static final String ROOT = "(root)";

    private PackageCycles() {}

    /** Each package under {@code sources} (the folder of {@code basePackage}) with the packages its sources name. */
    public static Map<String, Set<String>> dependencies(Path sources, String basePackage) throws IOException {
        Pattern reference = Pattern.compile(Pattern.quote(basePackage) + "\\.(?:([a-z][a-z0-9_.]*)\\.)?[A-Z]");
        Map<String, Set<String>> dependencies = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                String pkg = packageOf(sources.relativize(file.getParent()).toString().replace('/', '.'));
                Set<String> targets = dependencies.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = reference.matcher(read(file));
                while (m.find()) {
                    String target = packageOf(m.group(1) == null ? "" : m.group(1));
                    if (!target.equals(pkg)) targets.add(target);
                }
            });
        }
        return dependencies;
    }

    /** Every cycle found, one from each package that is on one, as "a -> b -> a". */
    public static List<String> cycles(Map<String, Set<String>> dependencies) {
        List<String> cycles = new ArrayList<>();
        for (String start : dependencies.keySet()) {
            List<String> path = cycleFrom(start, dependencies);
            if (path != null) cycles.add(String.join(" -> ", path));
        }
        return cycles;
    }

    /** A path from {@code start} back to itself, or null when there is none. */
    public static List<String> cycleFrom(String start, Map<String, Set<String>> dependencies) {
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

    private static String packageOf(String relative) {
        return relative.isEmpty() ? ROOT : relative;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
