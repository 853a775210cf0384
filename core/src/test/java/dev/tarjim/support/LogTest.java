package dev.tarjim.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Log lines written by the streaming generator read back exactly as the shared mapper would have written them. */
class LogTest {
    enum Outcome { STORED }

    @Test
    void aLine_isWhatTheMapperWouldWrite() throws Exception {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.parse("2026-12-02T10:00:00.123Z"));
        line.put("message", "request \"quoted\" é 中文\n");
        line.put("status", 200);
        line.put("bytes", 12_345_678_901L);
        line.put("ratio", 0.25);
        line.put("ok", true);
        line.put("nothing", null);
        line.put("outcome", Outcome.STORED);
        line.put("languages", List.of("ar", "en"));
        line.put("counts", Map.of("es", 3));
        String written = Log.toJson(line);
        assertThat(Json.mapper().readTree(written)).isEqualTo(Json.mapper().readTree(
                Json.mapper().writeValueAsString(line)));
        assertThat(written).startsWith("{\"time\":\"2026-12-02T10:00:00.123Z\",\"message\":");
    }
}
