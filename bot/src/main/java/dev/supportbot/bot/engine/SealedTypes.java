package dev.supportbot.bot.engine;

import java.util.ArrayList;
import java.util.List;

/** The records a sealed hierarchy permits, however deeply nested its sealed interfaces are. */
final class SealedTypes {
    private SealedTypes() {}

    static List<Class<?>> leaves(Class<?> root) {
        if (!root.isSealed()) throw new IllegalArgumentException(root.getName() + " is not a sealed type");
        List<Class<?>> leaves = new ArrayList<>();
        collect(root, leaves);
        return List.copyOf(leaves);
    }

    private static void collect(Class<?> type, List<Class<?>> leaves) {
        for (Class<?> sub : type.getPermittedSubclasses()) {
            if (sub.isSealed()) collect(sub, leaves);
            else leaves.add(sub);
        }
    }

    /** {@code Effect.RequestApproval} rather than {@code RequestApproval}: the name an operator can find. */
    static String name(Class<?> type) {
        Class<?> outer = type.getEnclosingClass();
        return outer == null ? type.getSimpleName() : outer.getSimpleName() + "." + type.getSimpleName();
    }
}
