package dev.mjbridge.task;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code mj.tasks.json-cache-bytes}: how much ready task JSON fetch and list-by-condition keep
 * in memory for finished tasks (tasks in flight are always answered from memory). A plain
 * number is bytes; {@code 64MB} works too. 0 = read finished tasks from the database each time.
 */
@ConfigurationProperties(prefix = "mj.tasks")
public record TaskCacheProperties(@DefaultValue("32MB") DataSize jsonCacheBytes) {

    public TaskCacheProperties {
        if (jsonCacheBytes == null) {
            jsonCacheBytes = DataSize.ofBytes(TaskJsonCache.DEFAULT_MAX_BYTES);
        }
        if (jsonCacheBytes.isNegative()) {
            throw new IllegalArgumentException("mj.tasks.json-cache-bytes must be 0 or more, got " + jsonCacheBytes);
        }
    }
}
