package dev.supportbot.bot.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.StoredTypes;
import dev.supportbot.workflows.engine.WorkflowRegistry;
import java.util.List;

/**
 * JSON of the workflows' sealed types (states, events, effects, and every sealed type they hold): every sealed
 * interface gets a type property naming the record by its stable type id ({@link StoredTypes}).
 */
public final class WorkflowJson {
    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final StoredTypes types;

    public WorkflowJson(WorkflowRegistry registry) {
        this.types = StoredTypes.of(registry);
        types.register(mapper);
    }

    /**
     * The stable type id {@code record} (a state, an event or an effect) is stored under, e.g. {@code AwaitingApproval}:
     * what operators read for it, the same after a record is renamed, and one per state where one record stands for
     * several (a workflow's gate state, in each of its phases).
     */
    public String typeIdOf(Object record) {
        return types.idOf(record);
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
