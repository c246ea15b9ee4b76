package io.agenttelemetry.connect.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;

class IsoInstantsTest {
    private final IsoInstants iso = new IsoInstants();

    @Test
    void writesWhatInstantWrites() {
        assertNull(iso.format(null));
        long[] fixed = {0, 1, -1, 999_999_999L, 1_000_000L, 1_000L, 1_764_151_200_000_000_000L, 1_764_151_200_120_000_000L,
                1_764_151_200_123_456_000L, 1_764_151_200_123_456_789L, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long nanos : fixed) {
            assertSame(nanos);
        }
        Random random = new Random(3);
        long nanos = 1_764_151_200_000_000_000L;
        for (int i = 0; i < 20_000; i++) {
            switch (random.nextInt(4)) {
                case 0: nanos += random.nextInt(1000) * 1_000_000L; break; // whole milliseconds
                case 1: nanos += random.nextInt(1_000_000) * 1_000L; break; // whole microseconds
                case 2: nanos += random.nextInt(1_000_000_000); break;
                default: nanos -= random.nextInt(2_000_000_000); break; // out of order
            }
            assertSame(nanos);
        }
    }

    private void assertSame(long nanos) {
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
        assertEquals(instant.toString(), iso.format(nanos), "at " + nanos);
    }
}
