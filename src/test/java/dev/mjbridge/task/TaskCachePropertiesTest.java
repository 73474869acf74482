package dev.mjbridge.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class TaskCachePropertiesTest {

    @Test
    void defaultsTo32MegabytesAndTakesBytesOrAUnit() {
        assertThat(bind(Map.of()).jsonCacheBytes()).isEqualTo(DataSize.ofMegabytes(32));
        assertThat(bind(Map.of("mj.tasks.json-cache-bytes", "1048576")).jsonCacheBytes().toBytes()).isEqualTo(1048576);
        assertThat(bind(Map.of("mj.tasks.json-cache-bytes", "64MB")).jsonCacheBytes()).isEqualTo(DataSize.ofMegabytes(64));
        assertThat(bind(Map.of("mj.tasks.json-cache-bytes", "0")).jsonCacheBytes().toBytes()).isZero();
    }

    @Test
    void aNegativeSizeStopsStartUpNamingTheKey() {
        assertThatThrownBy(() -> bind(Map.of("mj.tasks.json-cache-bytes", "-1")))
                .hasStackTraceContaining("mj.tasks.json-cache-bytes must be 0 or more");
    }

    private static TaskCacheProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("mj.tasks", TaskCacheProperties.class);
    }
}
