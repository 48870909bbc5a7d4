package dev.supportbot.bot.zendesk.setup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The set-up directory ({@code macros/}): one YAML file per object in {@code active/}, {@code inactive/},
 * {@code triggers/} and {@code webhooks/}. Reading it collects what cannot be read as problems, file by file.
 */
public record SetupFiles(Path dir, List<SetupObject> objects, List<Problem> problems) {

    public static SetupFiles read(Path dir) {
        if (!Files.isDirectory(dir)) throw new SetupException(dir + ": not a directory");
        List<SetupObject> objects = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path file : yamlFiles(dir)) {
            Path relative = dir.relativize(file);
            String folder = relative.getNameCount() == 2 ? relative.getName(0).toString() : "";
            SetupKind kind = SetupKind.ofFolder(folder);
            if (kind == null) {
                problems.add(new Problem(file, 1, "not in one of the folders active/, inactive/, triggers/, webhooks/"));
                continue;
            }
            Map<String, Integer> lines = new HashMap<>();
            JsonNode root;
            try {
                root = LocatedYaml.read(Files.readString(file, StandardCharsets.UTF_8), lines);
            } catch (JsonProcessingException e) {
                int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
                problems.add(new Problem(file, line, "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse("")));
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!(root instanceof ObjectNode object)) {
                problems.add(new Problem(file, 1, "must be a mapping of keys (title, actions, ...)"));
                continue;
            }
            objects.add(new SetupObject(kind, file, folder, object, Map.copyOf(lines)));
        }
        return new SetupFiles(dir, List.copyOf(objects), List.copyOf(problems));
    }

    public List<SetupObject> of(SetupKind kind) {
        return objects.stream().filter(o -> o.kind() == kind).toList();
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".yaml") || f.getFileName().toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
