package dev.supportbot.bot.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The macros of {@code macros/active/} (built into the jar under {@code console/macros/active}) as the sandbox
 * console applies them: the tags they add and the comment they write, public or private.
 */
final class ConsoleMacros {
    private static final String FOLDER = "console/macros/active";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One macro: its file name (the form's value), title, tags to add and remove, status, comment. */
    record Macro(String id, String title, List<String> tags, List<String> removeTags, String status, String comment,
                 boolean isPublic) {}

    private final List<Macro> macros;

    private ConsoleMacros(List<Macro> macros) {
        this.macros = List.copyOf(macros);
    }

    static ConsoleMacros bundled() {
        URL folder = ConsoleMacros.class.getClassLoader().getResource(FOLDER);
        if (folder == null) throw new IllegalStateException("the active macros are missing from the build (" + FOLDER + ")");
        try {
            URI uri = folder.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                        return new ConsoleMacros(read(jar.getPath(FOLDER)));
                    }
                } catch (FileSystemAlreadyExistsException e) {
                    // Someone else in this process has the jar open: read through theirs and leave it open.
                    return new ConsoleMacros(read(FileSystems.getFileSystem(uri).getPath(FOLDER)));
                }
            }
            return new ConsoleMacros(read(Path.of(uri)));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read the active macros", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the active macros", e);
        }
    }

    List<Macro> all() {
        return macros;
    }

    Optional<Macro> byId(String id) {
        return macros.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    private static List<Macro> read(Path dir) throws IOException {
        List<Macro> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    out.add(macro(file.getFileName().toString().replaceFirst("\\.yaml$", ""), YAML.readTree(in)));
                }
            }
        }
        return out;
    }

    private static Macro macro(String id, JsonNode yaml) {
        List<String> tags = new ArrayList<>();
        List<String> removeTags = new ArrayList<>();
        String status = null;
        String comment = null;
        boolean isPublic = true;
        for (JsonNode action : yaml.path("actions")) {
            String value = action.path("value").asText("");
            switch (action.path("field").asText()) {
                case "current_tags" -> tags.addAll(words(value));
                case "remove_tags" -> removeTags.addAll(words(value));
                case "status" -> status = value.trim();
                case "comment_value" -> comment = value.trim();
                case "comment_mode_is_public" -> isPublic = Boolean.parseBoolean(value);
                default -> throw new IllegalStateException("macro " + id + ": the console cannot apply the action "
                        + action.path("field").asText());
            }
        }
        return new Macro(id, yaml.path("title").asText(id), List.copyOf(tags), List.copyOf(removeTags), status, comment, isPublic);
    }

    private static List<String> words(String value) {
        return Arrays.stream(value.trim().split("\\s+")).filter(t -> !t.isEmpty()).toList();
    }
}
