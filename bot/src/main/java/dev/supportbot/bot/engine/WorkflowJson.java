package dev.supportbot.bot.engine;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.Workflow;
import dev.supportbot.workflows.engine.WorkflowRegistry;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * JSON of the workflows' sealed types (states, events, effects, and every sealed type they hold) without annotations
 * in the pure module: every sealed interface gets a type property naming the record, registered from its permitted
 * subclasses.
 */
public final class WorkflowJson {
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@type")
    private interface Typed {}

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Set<Class<?>> seen = new HashSet<>();

    public WorkflowJson(WorkflowRegistry registry) {
        reach(Event.class);
        reach(Effect.class);
        for (Workflow<?> workflow : registry.all()) {
            if (!workflow.stateType().isSealed()) throw new IllegalArgumentException(workflow.stateType().getName() + " is not a sealed type");
            reach(workflow.stateType());
        }
    }

    /**
     * Registers {@code type} if it is sealed, then everything its records hold: a sealed interface nested anywhere in a
     * state, event or effect (a record component, a list's element, a map's value) persists and loads like the roots.
     */
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

    /** A sealed type names its records in a type property, unless it declares its own (e.g. {@code PortalChange}). */
    private void sealed(Class<?> root) {
        boolean ownNames = root.isAnnotationPresent(JsonTypeInfo.class);
        if (!ownNames) mapper.addMixIn(root, Typed.class);
        for (Class<?> leaf : SealedTypes.leaves(root)) {
            if (!ownNames) mapper.registerSubtypes(new NamedType(leaf, leaf.getSimpleName()));
            reach(leaf);
        }
    }

    public String write(Object value, Class<?> asType) {
        try {
            return mapper.writerFor(asType).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + asType.getSimpleName() + " as JSON", e);
        }
    }

    public <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is not readable: " + e.getOriginalMessage());
        }
    }

    public String writeEffects(List<Effect> effects) {
        try {
            return mapper.writerFor(mapper.getTypeFactory().constructCollectionType(List.class, Effect.class))
                    .writeValueAsString(effects);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write effects as JSON", e);
        }
    }

    public List<Effect> readEffects(String json) {
        try {
            return mapper.readValue(json, mapper.getTypeFactory().constructCollectionType(List.class, Effect.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored effects are not readable: " + e.getOriginalMessage());
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
