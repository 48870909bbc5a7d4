package dev.supportbot.bot.zendesk.setup;

import java.util.List;

/** What compare found for one object, and what sync does about it. */
public record Change(SetupKind kind, Action action, String title, SetupObject file, String liveId, List<FieldDiff> diffs) {
    public enum Action {
        CREATE("create"), UPDATE("update"), UNCHANGED("unchanged"), ZENDESK_ONLY("only in Zendesk");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean changes() {
        return action == Action.CREATE || action == Action.UPDATE;
    }
}
