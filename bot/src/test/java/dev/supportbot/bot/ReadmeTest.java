package dev.supportbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README stays what a newcomer reads in ten minutes (at most 300 lines) and leads to the rest: every document it
 * links exists, the walk-throughs among them ({@code docs/walkthroughs.md}, driven by {@code ConsoleWalkThroughTest}).
 */
class ReadmeTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern LINK = Pattern.compile("\\]\\(((?:docs/)?[\\w./-]+\\.md)(?:#[\\w-]*)?\\)");

    @Test
    void the_readme_is_short_and_every_document_it_links_exists() throws Exception {
        List<String> readme = Files.readAllLines(ROOT.resolve("README.md"));
        assertThat(readme).hasSizeLessThanOrEqualTo(300);
        Matcher links = LINK.matcher(String.join("\n", readme));
        int count = 0;
        while (links.find()) {
            assertThat(ROOT.resolve(links.group(1))).as("linked from the README").isRegularFile();
            count++;
        }
        assertThat(count).isGreaterThanOrEqualTo(5);
        assertThat(String.join("\n", readme)).contains("](docs/walkthroughs.md");
        assertThat(Files.readString(ROOT.resolve("docs/walkthroughs.md")))
                .contains("## Fixing an email typo for an account manager", "## Troubleshooting a license that needs a true-up");
    }
}
