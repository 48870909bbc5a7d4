package dev.supportbot.workflows.engine;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sealed types the bot stores as JSON (states, events, effects, and every sealed type their records hold, however
 * deeply) and the type id each of their records is stored under. The id is the record's own {@link JsonTypeName}
 * (or its name in the root's {@link JsonSubTypes}), never its class name: a record can be renamed or moved and the rows
 * stored under its id still load. A record that unwraps a sealed component ({@link JsonUnwrapped}) is stored flat under
 * the ids of that component's records ({@link FlatPart}). A record without an id, or two records of one root with the
 * same id, stop the bot at start.
 */
public final class StoredTypes {
    /** The property that names a record's type id. */
    public static final String TYPE_PROPERTY = "@type";

    /** How a sealed type without its own {@link JsonTypeInfo} names its records in JSON. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = TYPE_PROPERTY)
    private interface Typed {}

    /** Each sealed type reached, with its records by their ids. */
    private final Map<Class<?>, Map<String, Class<?>>> roots = new LinkedHashMap<>();
    private final Map<Class<?>, FlatPart> flats = new LinkedHashMap<>();
    private final Map<Class<?>, String> idOfRecord = new HashMap<>();
    private final Set<Class<?>> seen = new LinkedHashSet<>();

    private StoredTypes(List<Class<?>> starts) {
        for (Class<?> start : starts) reach(start);
    }

    /** The stored types of the engine's events and effects and of the states of {@code registry}'s workflows. */
    public static StoredTypes of(WorkflowRegistry registry) {
        List<Class<?>> starts = new ArrayList<>(List.of(Event.class, Effect.class));
        for (Workflow<?> workflow : registry.all()) {
            if (!workflow.stateType().isSealed()) throw new IllegalArgumentException(workflow.stateType().getName() + " is not a sealed type");
            starts.add(workflow.stateType());
        }
        return new StoredTypes(starts);
    }

    /** The stored types reachable from {@code starts}; throws when a record has no id or an id is doubled. */
    public static StoredTypes reachableFrom(Class<?>... starts) {
        return new StoredTypes(List.of(starts));
    }

    /** Each sealed type with its records by their ids (a record stored flat, under each of its ids). */
    public Map<Class<?>, Map<String, Class<?>>> ids() {
        return roots;
    }

    /** The stable id {@code record}, a record of a stored sealed type, is stored under (not its class's name). */
    public String idOf(Object record) {
        FlatPart flat = flats.get(record.getClass());
        if (flat != null) return flat.idOf(record);
        String id = idOfRecord.get(record.getClass());
        if (id == null) throw new IllegalArgumentException(record.getClass().getName() + " is not a stored record");
        return id;
    }

    /** Tells {@code mapper} the type property of every sealed type and the id of every record. */
    public ObjectMapper register(ObjectMapper mapper) {
        SimpleModule flat = new SimpleModule("stored-types-flat");
        roots.forEach((root, leaves) -> {
            if (root.isAnnotationPresent(JsonTypeInfo.class)) return;
            mapper.addMixIn(root, Typed.class);
            Map<String, FlatPart> flatIds = new HashMap<>();
            leaves.forEach((id, leaf) -> {
                if (flats.containsKey(leaf)) flatIds.put(id, flats.get(leaf));
                else mapper.registerSubtypes(new NamedType(leaf, id));
            });
            if (flatIds.isEmpty()) return;
            flat.addDeserializer(objectClass(root), FlatPart.reader(root, flatIds));
            for (FlatPart part : Set.copyOf(flatIds.values())) {
                flat.addDeserializer(objectClass(part.record()), FlatPart.reader(part.record(), flatIds));
            }
        });
        flats.values().forEach(part -> flat.addSerializer(objectClass(part.record()), part.writer()));
        return mapper.registerModule(flat);
    }

    @SuppressWarnings("unchecked")
    private static Class<Object> objectClass(Class<?> type) {
        return (Class<Object>) type;
    }

    private void reach(Type type) {
        if (type instanceof ParameterizedType p) {
            reach(p.getRawType());
            for (Type argument : p.getActualTypeArguments()) reach(argument);
        } else if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) reach(bound);
        } else if (type instanceof GenericArrayType a) {
            reach(a.getGenericComponentType());
        } else if (type instanceof Class<?> c) {
            if (c.isArray()) {
                reach(c.getComponentType());
                return;
            }
            if (c.isPrimitive() || c.getName().startsWith("java.") || !seen.add(c)) return;
            if (c.isSealed()) sealed(c);
            if (c.isRecord()) for (RecordComponent component : c.getRecordComponents()) reach(component.getGenericType());
        }
    }

    private void sealed(Class<?> root) {
        Map<Class<?>, String> named = namedInRoot(root);
        Map<String, Class<?>> byId = new LinkedHashMap<>();
        List<Class<?>> leaves = leaves(root);
        for (Class<?> leaf : leaves) {
            Optional<RecordComponent> part = FlatPart.partOf(leaf);
            if (part.isPresent() && root.isAnnotationPresent(JsonTypeInfo.class)) {
                throw new IllegalStateException(leaf.getName() + " is stored flat, which " + root.getName() + "'s own type info cannot name");
            }
            List<String> ids = part.isPresent() ? flatIds(leaf, part.get())
                    : List.of(named.containsKey(leaf) ? named.get(leaf) : idOf(leaf));
            if (part.isEmpty()) idOfRecord.putIfAbsent(leaf, ids.get(0));
            for (String id : ids) {
                Class<?> other = byId.putIfAbsent(id, leaf);
                if (other != null) {
                    throw new IllegalStateException(other.getName() + " and " + leaf.getName() + " are both stored as \"" + id + "\"");
                }
            }
        }
        roots.put(root, Map.copyOf(byId));
        for (Class<?> leaf : leaves) reach(leaf);
    }

    /** The ids {@code leaf} is stored under: those of the records of its sealed {@code part}. */
    private List<String> flatIds(Class<?> leaf, RecordComponent part) {
        reach(part.getType());
        Map<String, Class<?>> partIds = roots.get(part.getType());
        if (partIds == null || part.getType().isAnnotationPresent(JsonTypeInfo.class)) {
            throw new IllegalStateException(leaf.getName() + " unwraps " + part.getType().getName() + ", which is not a stored sealed type");
        }
        FlatPart flat = FlatPart.of(leaf, part, partIds);
        flats.put(leaf, flat);
        return List.copyOf(partIds.keySet());
    }

    /** The names a root with its own {@link JsonTypeInfo} gives its records in {@link JsonSubTypes}. */
    private static Map<Class<?>, String> namedInRoot(Class<?> root) {
        JsonSubTypes listed = root.getAnnotation(JsonSubTypes.class);
        if (!root.isAnnotationPresent(JsonTypeInfo.class) || listed == null) return Map.of();
        Map<Class<?>, String> names = new HashMap<>();
        Arrays.stream(listed.value()).forEach(t -> names.put(t.value(), t.name()));
        return names;
    }

    private static String idOf(Class<?> leaf) {
        JsonTypeName name = leaf.getAnnotation(JsonTypeName.class);
        if (name == null || name.value().isBlank()) {
            throw new IllegalStateException(leaf.getName() + " is stored as JSON but has no @JsonTypeName, its stable type id");
        }
        return name.value();
    }

    /** The records {@code root} permits, however deeply nested its sealed interfaces are. */
    static List<Class<?>> leaves(Class<?> root) {
        List<Class<?>> leaves = new ArrayList<>();
        for (Class<?> sub : root.getPermittedSubclasses()) {
            if (sub.isSealed()) leaves.addAll(leaves(sub));
            else leaves.add(sub);
        }
        return leaves;
    }
}
