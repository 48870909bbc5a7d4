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
import java.util.List;

/**
 * JSON of the workflows' sealed types (states, events, effects) without annotations in the pure module: every
 * sealed interface gets a type property naming the record, registered from its permitted subclasses.
 */
public final class WorkflowJson {
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@type")
    private interface Typed {}

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public WorkflowJson(WorkflowRegistry registry) {
        sealed(Event.class);
        sealed(Effect.class);
        for (Workflow<?> workflow : registry.all()) sealed(workflow.stateType());
    }

    private void sealed(Class<?> root) {
        if (!root.isSealed()) throw new IllegalArgumentException(root.getName() + " is not a sealed type");
        mapper.addMixIn(root, Typed.class);
        register(root);
    }

    private void register(Class<?> type) {
        for (Class<?> sub : type.getPermittedSubclasses()) {
            if (sub.isSealed()) register(sub);
            else mapper.registerSubtypes(new NamedType(sub, sub.getSimpleName()));
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
