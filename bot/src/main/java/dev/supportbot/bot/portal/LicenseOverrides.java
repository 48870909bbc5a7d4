package dev.supportbot.bot.portal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/** Fields of a duplicated license that differ from the original; null ones are copied. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LicenseOverrides(Integer usersCount, Integer trueUpCount, LocalDate startsAt, LocalDate expiresAt) {

    /** The usual fix for "You have applied a True-up for X users but you need one for Y users". */
    public static LicenseOverrides trueUp(int trueUpCount) {
        return new LicenseOverrides(null, trueUpCount, null, null);
    }
}
