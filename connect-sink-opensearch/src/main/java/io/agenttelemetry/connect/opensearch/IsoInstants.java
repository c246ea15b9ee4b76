package io.agenttelemetry.connect.opensearch;

import java.time.Instant;

import io.agenttelemetry.connect.model.LastSecondText;

/**
 * Epoch nanoseconds as {@link Instant#toString()} writes them ("2026-11-26T10:00:00.123Z"). The date and time of
 * the last second are kept ({@link LastSecondText}): a document has two such times, and formatting them anew took
 * a twelfth of mapping a record.
 */
final class IsoInstants {
    /** A second's text without its closing 'Z'. */
    private final LastSecondText seconds = new LastSecondText(second -> {
        String whole = Instant.ofEpochSecond(second).toString();
        return whole.substring(0, whole.length() - 1);
    });

    String format(Long nanos) {
        if (nanos == null) {
            return null;
        }
        String second = seconds.of(Math.floorDiv(nanos, 1_000_000_000L));
        int nano = (int) Math.floorMod(nanos, 1_000_000_000L);
        if (nano == 0) {
            return second + 'Z';
        }
        // As Instant.toString: the fraction in groups of three digits, as many as it needs.
        int digits = nano % 1_000_000 == 0 ? 3 : nano % 1000 == 0 ? 6 : 9;
        String fraction = Integer.toString(nano + 1_000_000_000).substring(1, 1 + digits);
        return second + '.' + fraction + 'Z';
    }
}
