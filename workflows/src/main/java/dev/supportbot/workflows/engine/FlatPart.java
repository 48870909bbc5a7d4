package dev.supportbot.workflows.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.NameTransformer;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A record stored flat: one of its components (its part) is a sealed type marked {@link JsonUnwrapped}, and the record
 * is stored as its other fields and the part's fields side by side, under the part's own type id, as if each kind of
 * part made a record of its own. Jackson unwraps only components of one known type; this is the rest: it writes the
 * part's id and fields itself, and reads a stored row of such an id back into the record.
 */
final class FlatPart {
    private final Class<?> record;
    private final RecordComponent[] components;
    private final int partIndex;
    private final Set<String> keptNames;
    private final Map<Class<?>, String> idOfPart;
    private final Constructor<?> canonical;

    private FlatPart(Class<?> record, int partIndex, Map<String, Class<?>> partIds) {
        this.record = record;
        this.components = record.getRecordComponents();
        this.partIndex = partIndex;
        this.keptNames = Arrays.stream(components).map(RecordComponent::getName)
                .filter(name -> !name.equals(components[partIndex].getName())).collect(Collectors.toUnmodifiableSet());
        Map<Class<?>, String> ids = new HashMap<>();
        partIds.forEach((id, leaf) -> ids.put(leaf, id));
        for (Class<?> leaf : partIds.values()) {
            for (String name : fieldNames(leaf)) {
                if (keptNames.contains(name) || name.equals(StoredTypes.TYPE_PROPERTY)) {
                    throw new IllegalStateException(record.getName() + " is stored flat, but its field \"" + name
                            + "\" is a field of " + leaf.getName() + " too");
                }
            }
        }
        this.idOfPart = Map.copyOf(ids);
        try {
            this.canonical = record.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            this.canonical.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(record.getName() + " has no canonical constructor", e);
        }
    }

    /** The component of {@code type} stored flat: a record's one {@link JsonUnwrapped} component of a sealed type. */
    static Optional<RecordComponent> partOf(Class<?> type) {
        if (!type.isRecord()) return Optional.empty();
        List<RecordComponent> parts = Arrays.stream(type.getRecordComponents())
                .filter(c -> c.getType().isSealed() && unwrapped(type, c)).toList();
        if (parts.size() > 1) throw new IllegalStateException(type.getName() + " unwraps more than one sealed component");
        return parts.stream().findFirst();
    }

    /** {@code record}, stored flat; {@code partIds} are the stored ids of its part's records. */
    static FlatPart of(Class<?> record, RecordComponent part, Map<String, Class<?>> partIds) {
        List<String> names = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
        return new FlatPart(record, names.indexOf(part.getName()), partIds);
    }

    Class<?> record() {
        return record;
    }

    /** The id {@code value}, a record of this kind, is stored under: its part's. */
    String idOf(Object value) {
        String id = idOfPart.get(accessed(components[partIndex], value).getClass());
        if (id == null) throw new IllegalStateException(value + " has no stored id");
        return id;
    }

    StdSerializer<Object> writer() {
        return new Writer();
    }

    /** Reads the rows of {@code type} stored under {@code byId}'s ids flat, and any other row as Jackson does. */
    static StdDeserializer<Object> reader(Class<?> type, Map<String, FlatPart> byId) {
        return new Reader(type, Map.copyOf(byId));
    }

    private Object read(ObjectNode stored, String id, DeserializationContext ctxt) throws IOException {
        ObjectNode part = JsonNodeFactory.instance.objectNode();
        part.put(StoredTypes.TYPE_PROPERTY, id);
        for (Iterator<Map.Entry<String, JsonNode>> fields = stored.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (!name.equals(StoredTypes.TYPE_PROPERTY) && !keptNames.contains(name)) part.set(name, field.getValue());
        }
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            JavaType type = ctxt.getTypeFactory().constructType(c.getGenericType());
            JsonNode node = i == partIndex ? part : stored.get(c.getName());
            Object value = ctxt.readTreeAsValue(node == null ? NullNode.getInstance() : node, type);
            args[i] = value == null && c.getType().isPrimitive() ? defaultOf(c.getType()) : value;
        }
        try {
            return canonical.newInstance(args);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            return ctxt.reportBadDefinition(ctxt.constructType(record), "cannot make " + record.getSimpleName() + ": " + e);
        }
    }

    private void write(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        Object part = accessed(components[partIndex], value);
        String id = idOf(value);
        gen.writeStartObject(value);
        gen.writeStringField(StoredTypes.TYPE_PROPERTY, id);
        for (int i = 0; i < components.length; i++) {
            if (i == partIndex) continue;
            RecordComponent c = components[i];
            Object kept = accessed(c, value);
            if (kept == null && nonNull(c)) continue;
            gen.writeFieldName(c.getName());
            if (kept == null) {
                gen.writeNull();
                continue;
            }
            JavaType declared = provider.getTypeFactory().constructType(c.getGenericType());
            JavaType type = declared.isAbstract() && !declared.isContainerType() ? provider.constructType(kept.getClass()) : declared;
            provider.findTypedValueSerializer(type, true, null).serialize(kept, gen, provider);
        }
        provider.findValueSerializer(part.getClass()).unwrappingSerializer(NameTransformer.NOP).serialize(part, gen, provider);
        gen.writeEndObject();
    }

    private Object accessed(RecordComponent c, Object value) {
        try {
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(value);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + record.getSimpleName() + "." + c.getName(), e);
        }
    }

    private boolean nonNull(RecordComponent c) {
        try {
            JsonInclude include = record.getDeclaredField(c.getName()).getAnnotation(JsonInclude.class);
            return include != null && include.value() == JsonInclude.Include.NON_NULL;
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    /** The fields a record is stored as: its components', with those of a record it unwraps in its place. */
    private static List<String> fieldNames(Class<?> type) {
        if (!type.isRecord()) return List.of();
        List<String> names = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            if (unwrapped(type, c) && c.getType().isRecord()) names.addAll(fieldNames(c.getType()));
            else names.add(c.getName());
        }
        return names;
    }

    private static boolean unwrapped(Class<?> record, RecordComponent c) {
        try {
            return record.getDeclaredField(c.getName()).isAnnotationPresent(JsonUnwrapped.class);
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    private static Object defaultOf(Class<?> primitive) {
        if (primitive == boolean.class) return false;
        if (primitive == char.class) return '\0';
        if (primitive == long.class) return 0L;
        if (primitive == double.class) return 0d;
        if (primitive == float.class) return 0f;
        if (primitive == short.class) return (short) 0;
        if (primitive == byte.class) return (byte) 0;
        return 0;
    }

    private final class Writer extends StdSerializer<Object> {
        Writer() {
            super(Object.class);
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            write(value, gen, provider);
        }

        @Override
        public void serializeWithType(Object value, JsonGenerator gen, SerializerProvider provider, TypeSerializer typeSer)
                throws IOException {
            write(value, gen, provider);
        }
    }

    private static final class Reader extends StdDeserializer<Object> {
        private final Map<String, FlatPart> byId;

        Reader(Class<?> type, Map<String, FlatPart> byId) {
            super(type);
            this.byId = byId;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            TypeDeserializer typed = ctxt.getFactory().findTypeDeserializer(ctxt.getConfig(), ctxt.constructType(handledType()));
            if (typed == null) return ctxt.reportBadDefinition(ctxt.constructType(handledType()), "no type property for " + handledType());
            return deserializeWithType(p, ctxt, typed);
        }

        @Override
        public Object deserializeWithType(JsonParser p, DeserializationContext ctxt, TypeDeserializer typed) throws IOException {
            JsonNode stored = ctxt.readTree(p);
            JsonNode id = stored.get(StoredTypes.TYPE_PROPERTY);
            FlatPart flat = stored.isObject() && id != null ? byId.get(id.asText()) : null;
            if (flat != null) return flat.read((ObjectNode) stored, id.asText(), ctxt);
            JsonParser again = stored.traverse(p.getCodec());
            again.nextToken();
            return typed.deserializeTypedFromObject(again, ctxt);
        }
    }
}
