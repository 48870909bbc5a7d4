package dev.supportbot.bot.zendesk.setup;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** Compare's answer: per object create, update (with the fields), unchanged or only in Zendesk; and new categories. */
public record Plan(List<String> newCategories, List<Change> changes) {

    public List<Change> of(Change.Action action) {
        return changes.stream().filter(c -> c.action() == action).toList();
    }

    public boolean changesSomething() {
        return !newCategories.isEmpty() || changes.stream().anyMatch(Change::changes);
    }

    public void print(PrintStream out, Path dir) {
        for (String category : newCategories) out.printf("%-8s %-16s %s%n", "category", "create", category);
        for (Change c : changes) {
            String where = c.file() == null ? " (id " + c.liveId() + ")" : "  " + relative(dir, c.file().file());
            out.printf("%-8s %-16s %s%s%n", c.kind().label(), c.action().label(), c.title(), where);
            for (FieldDiff d : c.diffs()) out.println("           " + d);
        }
        out.printf("%d to create, %d to update, %d unchanged, %d only in Zendesk (never deleted)%n",
                of(Change.Action.CREATE).size() + newCategories.size(), of(Change.Action.UPDATE).size(),
                of(Change.Action.UNCHANGED).size(), of(Change.Action.ZENDESK_ONLY).size());
    }

    private static String relative(Path dir, Path file) {
        return dir.getParent() == null ? file.toString() : dir.getParent().relativize(file).toString();
    }
}
