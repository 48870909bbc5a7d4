package dev.supportbot.workflows.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.addcontact.AddContactState;
import dev.supportbot.workflows.ownership.OwnershipState;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The bot stores states, events and effects as JSON with Jackson: every type must be a record (or an enum) of
 * plain values, and must not expose extra {@code getX()/isX()} methods Jackson would write as properties that
 * reading back would not accept.
 */
class PersistableShapeTest {
    private static final Set<Class<?>> PLAIN = Set.of(String.class, Instant.class, Duration.class, LocalDate.class,
            Long.class, Integer.class, Boolean.class, long.class, int.class, boolean.class);

    @Test
    void states_events_and_effects_are_records_of_plain_values() {
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> root : List.of(OwnershipState.class, AddContactState.class, TroubleshootingState.class, Event.class, Effect.class)) check(root, seen);
        assertThat(seen).hasSizeGreaterThan(25);
    }

    private void check(Class<?> type, Set<Class<?>> seen) {
        if (!seen.add(type) || PLAIN.contains(type) || type.isEnum()) return;
        if (type.isSealed()) {
            for (Class<?> sub : type.getPermittedSubclasses()) check(sub, seen);
            return;
        }
        assertThat(type.isRecord()).as(type + " is a record").isTrue();
        Set<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() > 0 || m.getDeclaringClass() == Object.class) continue;
            boolean beanLike = m.getName().matches("(get|is)[A-Z].*");
            assertThat(!beanLike || components.contains(m.getName()))
                    .as(type.getSimpleName() + "." + m.getName() + "() would become a JSON property").isTrue();
        }
        for (RecordComponent c : type.getRecordComponents()) checkType(c.getGenericType(), type + "." + c.getName(), seen);
    }

    private void checkType(Type t, String where, Set<Class<?>> seen) {
        if (t instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            assertThat(raw).as(where).isIn(List.class, Set.class, Map.class);
            for (Type arg : p.getActualTypeArguments()) checkType(arg, where, seen);
            return;
        }
        Class<?> c = (Class<?>) t;
        assertThat(PLAIN.contains(c) || c.isEnum() || c.isRecord() || c.isSealed()).as(where + ": " + c).isTrue();
        check(c, seen);
    }
}
