package dev.mjbridge.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.annotation.JsonDeserialize;

import dev.mjbridge.account.AccountFilter;
import dev.mjbridge.account.SpeedMode;

/** A submit's {@code accountFilter}: which accounts may take the task. Empty members do not filter. */
@Schema(name = "AccountFilter", description = "Narrows which accounts may take the task; empty members do not filter.")
record AccountFilterRequest(
        @Schema(description = "only this account (its id in accounts.yml)", example = "main")
        @JsonDeserialize(using = RequestValues.Id.class) String instanceId,
        // Channel ids are Discord snowflakes, which some clients send as numbers.
        @Schema(description = "only the account of this Discord channel", example = "1100000000000000002")
        @JsonDeserialize(using = RequestValues.Id.class) String channelId,
        @Schema(description = "only accounts that run in one of these modes") List<SpeedMode> modes,
        @Schema(description = "only accounts whose remix mode is on (true) or off (false)") Boolean remix) {

    AccountFilter toFilter() {
        Set<SpeedMode> set = modes == null || modes.isEmpty() ? Set.of() : EnumSet.copyOf(modes);
        return new AccountFilter(instanceId, channelId, set, remix);
    }
}
