package dev.supportbot.bot.licenses;

import java.util.List;
import java.util.Optional;

/** Page {@code number} (from 1) of {@code total} pages of a list, {@code size} items a page. */
record Page<T>(List<T> items, int number, int total) {

    /** Empty when the list has items but not that many pages. */
    static <T> Optional<Page<T>> of(List<T> all, int number, int size) {
        int total = Math.max(1, (all.size() + size - 1) / size);
        if (number > total) return Optional.empty();
        int from = (number - 1) * size;
        return Optional.of(new Page<>(all.subList(from, Math.min(all.size(), from + size)), number, total));
    }

    boolean hasNext() {
        return number < total;
    }
}
