package io.agenttelemetry.connect.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PlaceholderTemplateTest {

    @Test
    void rendersVariablesAndDates() {
        PlaceholderTemplate t = PlaceholderTemplate.parse("k", "agent-{kind}-{yyyy.MM.dd}", Set.of("kind"), ZoneId.of("UTC"));
        assertEquals("agent-spans-2026.11.26", t.render(Map.of("kind", "spans"), Instant.parse("2026-11-26T23:59:59.999Z").toEpochMilli()));
        assertEquals("agent-spans-2026.11.27", t.render(Map.of("kind", "spans"), Instant.parse("2026-11-27T00:00:00Z").toEpochMilli()));
        assertEquals("agent-*-*", t.wildcard(Map.of()));
    }

    /** The text kept for the last second is the formatter's, in and out of time order, across DST and odd offsets. */
    @Test
    void datesAreWhatTheFormatterWrites() {
        Random random = new Random(5);
        for (String zone : new String[] {"UTC", "Europe/Berlin", "Asia/Kolkata", "America/St_Johns"}) {
            for (String pattern : new String[] {"yyyy.MM.dd", "yyyy-MM-dd'T'HH", "HH:mm:ss", "ss.SSS", "A"}) {
                DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(ZoneId.of(zone));
                PlaceholderTemplate t = PlaceholderTemplate.parse("k", "{" + pattern + "}", Set.of(), ZoneId.of(zone));
                long millis = Instant.parse("2026-03-29T00:59:58Z").toEpochMilli(); // Berlin's clocks go forward at 01:00 UTC
                for (int i = 0; i < 5_000; i++) {
                    millis += random.nextInt(10) == 0 ? -random.nextInt(5_000) : random.nextInt(700);
                    assertEquals(f.format(Instant.ofEpochMilli(millis)), t.render(Map.of(), millis), zone + " " + pattern + " at " + millis);
                }
                assertEquals(f.format(Instant.ofEpochMilli(-1)), t.render(Map.of(), -1));
                assertEquals(f.format(Instant.ofEpochMilli(-1000)), t.render(Map.of(), -1000));
            }
        }
    }
}
