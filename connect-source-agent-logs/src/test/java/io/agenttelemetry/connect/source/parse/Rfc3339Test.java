package io.agenttelemetry.connect.source.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import org.junit.jupiter.api.Test;

class Rfc3339Test {
    private static long javaTime(String t) {
        Instant i = OffsetDateTime.parse(t).toInstant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    @Test
    void agreesWithJavaTimeOnRandomInstantsOffsetsAndFractions() {
        Random random = new Random(42);
        String[] fractions = {"", ".SSS", ".SSSSSS", ".SSSSSSSSS", ".S"};
        for (int n = 0; n < 20_000; n++) {
            long seconds = -2_000_000_000L + (long) (random.nextDouble() * 6_000_000_000L);
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(37) - 18) * 1800);
            OffsetDateTime time = Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000)).atOffset(offset);
            String text = time.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss" + fractions[n % fractions.length] + "xxx"));
            assertEquals(javaTime(text), Rfc3339.epochNanos(text), text);
            String utc = time.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss" + fractions[n % fractions.length])) + "Z";
            assertEquals(javaTime(utc), Rfc3339.epochNanos(utc), utc);
        }
        assertEquals(javaTime("2024-02-29T12:00:00Z"), Rfc3339.epochNanos("2024-02-29T12:00:00"), "no offset reads as UTC");
    }

    @Test
    void leavesOtherShapesToTheFormatters() {
        for (String other : new String[] {"2025-02-29T00:00:00Z", "2025-11-26T23:59:60Z", "2025-11-26 10:00:00Z",
                "2025-11-26T10:00:00z", "2025-11-26T10:00Z", "2025-11-26T10:00:00.Z", "2025-11-26T10:00:00.1234567890Z",
                "2025-11-26T10:00:00+19:00", "2025-11-26T10:00:00+0100", "+12025-11-26T10:00:00Z", "2025-13-01T00:00:00Z",
                "2025-11-26T24:00:00Z", "2025-11-26T10:00:00Zjunk", "２０２５-11-26T10:00:00Z"}) {
            assertEquals(Rfc3339.NOT_RFC3339, Rfc3339.epochNanos(other), other);
        }
    }

    @Test
    void timesBeyondNanosecondLongsOverflowAsTheFormattersDo() {
        assertThrows(ArithmeticException.class, () -> Rfc3339.epochNanos("2263-01-01T00:00:00Z"));
        assertThrows(LineParseException.class, () -> Timestamps.of("iso8601", "UTC").parse("2263-01-01T00:00:00Z"));
    }
}
