package dev.supportbot.bot.portal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.supportbot.bot.json.Json;

/**
 * The portal API's wire format (config/portal-api.yaml): the bot's JSON settings with snake_case names. Derived
 * helpers of the domain records ({@code isSaas()}, {@code isCreate()}) are not part of it, hence no is-getters.
 */
public final class PortalJson {
    public static final ObjectMapper MAPPER = Json.MAPPER.copy()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);

    private PortalJson() {}
}
