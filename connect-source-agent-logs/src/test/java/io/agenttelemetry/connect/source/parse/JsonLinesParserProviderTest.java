package io.agenttelemetry.connect.source.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.EventSource;

class JsonLinesParserProviderTest {
    private static final EventSource SOURCE = EventSource.create("f", 0, "jsonl");

    private static AgentEvent parse(ParserSettings settings, String line) throws LineParseException {
        return new JsonLinesParserProvider().create(settings).parse(line, SOURCE).get(0);
    }

    private static ParserSettings settings(Map<String, String> fields, String timestampFormat) {
        return new ParserSettings(Timestamps.of(timestampFormat, "Europe/Berlin"), fields, null, null, false, 500, 0, 1 << 20, Map.of());
    }

    @Test
    void mappedJsonPointersWinOverWellKnownNames() throws Exception {
        String line = "{\"ts\":1764151200123,\"msg\":\"ignored\",\"ctx\":{\"trace\":\"ABC\",\"span\":\"DEF\"},"
                + "\"payload\":{\"text\":\"tool ran\"},\"sev\":\"WARN\"}";
        AgentEvent e = parse(settings(Map.of("message", "/payload/text", "trace_id", "/ctx/trace", "span_id", "/ctx/span",
                "level", "/sev"), "epoch_ms"), line);
        assertEquals("tool ran", e.body());
        assertEquals("abc", e.traceId());
        assertEquals("def", e.spanId());
        assertEquals("WARN", e.severityText());
        assertEquals(1_764_151_200_123_000_000L, e.startTimeUnixNano());
        assertEquals("{\"trace\":\"ABC\",\"span\":\"DEF\"}", e.attributes().get("ctx"), "objects stay attributes as JSON text");
    }

    @Test
    void numbersInsideObjectsKeepTheirText() throws Exception {
        String numbers = "{\"score\":0.10,\"tiny\":1e-7,\"huge\":1E400,\"pi\":3.141592653589793238462643383279,\"n\":[-7,12345678901234567890123]}";
        AgentEvent e = parse(settings(Map.of("message", "/metrics/score"), "auto"), "{\"metrics\":" + numbers + ",\"cost\":0.50}");
        assertEquals(numbers, e.attributes().get("metrics"));
        assertEquals("0.50", e.attributes().get("cost"));
        assertEquals("0.10", e.body(), "a pointer to a nested number gives its text");
        // Read as a double, 1764151200.25 was "1.76415120025E9", which no timestamp format reads.
        assertEquals(1_764_151_200_250_000_000L, parse(settings(Map.of("time", "/meta/ts"), "epoch_s"),
                "{\"meta\":{\"ts\":1764151200.25}}").startTimeUnixNano());
    }

    @Test
    void timestampFormatsReadEpochUnitsIsoAndPatternsInTheConfiguredZone() throws Exception {
        long expected = Instant.parse("2025-11-26T10:00:00.250Z").toEpochMilli() * 1_000_000L;
        assertEquals(expected, Timestamps.of("epoch_s", "UTC").parse("1764151200.25"));
        assertEquals(expected, Timestamps.of("epoch_us", "UTC").parse("1764151200250000"));
        assertEquals(expected, Timestamps.of("epoch_ns", "UTC").parse("1764151200250000000"));
        assertEquals(expected, Timestamps.of("iso8601", "UTC").parse("2025-11-26T11:00:00.250+01:00"));
        assertEquals(expected, Timestamps.of("auto", "UTC").parse("1764151200250"));
        assertEquals(expected, Timestamps.of("auto", "UTC").parse("2025-11-26T10:00:00.250"));
        assertEquals(expected, Timestamps.of("yyyy-MM-dd HH:mm:ss,SSS", "Europe/Berlin").parse("2025-11-26 11:00:00,250"));
        assertEquals(expected, Timestamps.of("yyyy-MM-dd HH:mm:ss.SSSXXX", "Asia/Tokyo").parse("2025-11-26 11:00:00.250+01:00"),
                "an offset in the text wins over the configured zone");
        assertEquals(expected, parse(settings(Map.of(), "yyyy-MM-dd HH:mm:ss,SSS"), "{\"time\":\"2025-11-26 11:00:00,250\"}").startTimeUnixNano());
        assertThrows(LineParseException.class, () -> Timestamps.of("epoch_ms", "UTC").parse("yesterday"));
        assertThrows(IllegalArgumentException.class, () -> Timestamps.of("yyyy-MM-dd", "Mars/Base"));
    }
}
