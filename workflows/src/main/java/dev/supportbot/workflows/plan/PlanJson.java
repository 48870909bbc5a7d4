package dev.supportbot.workflows.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Plans as canonical JSON (properties and map keys sorted, no whitespace), to persist them and to hash them: an
 * approval is bound to the SHA-256 of exactly this text, so any change to any step, fact or goal changes the hash.
 */
public final class PlanJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private PlanJson() {}

    public static String write(Plan plan) {
        try {
            return MAPPER.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan cannot be written as JSON", e);
        }
    }

    public static Plan read(String json) {
        try {
            return MAPPER.readValue(json, Plan.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a plan: " + e.getOriginalMessage(), e);
        }
    }

    /** Lower-case hex SHA-256 of the canonical JSON. */
    public static String hash(Plan plan) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(plan).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
