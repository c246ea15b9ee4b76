package io.agenttelemetry.connect.opensearch;

import java.time.Instant;

/**
 * Epoch nanoseconds as {@link Instant#toString()} writes them ("2026-11-26T10:00:00.123Z"). The date and time of
 * the last second are kept: a document has two such times and its records come in time order, and formatting
 * them anew took a twelfth of mapping a record. Not thread-safe.
 */
final class IsoInstants {
    private long lastSecond = Long.MIN_VALUE;
    /** The last second's text without its closing 'Z'. */
    private String lastText;

    String format(Long nanos) {
        if (nanos == null) {
            return null;
        }
        long second = Math.floorDiv(nanos, 1_000_000_000L);
        int nano = (int) Math.floorMod(nanos, 1_000_000_000L);
        if (second != lastSecond) {
            String whole = Instant.ofEpochSecond(second).toString();
            lastText = whole.substring(0, whole.length() - 1);
            lastSecond = second;
        }
        if (nano == 0) {
            return lastText + 'Z';
        }
        // As Instant.toString: the fraction in groups of three digits, as many as it needs.
        int digits = nano % 1_000_000 == 0 ? 3 : nano % 1000 == 0 ? 6 : 9;
        StringBuilder sb = new StringBuilder(lastText.length() + 11).append(lastText).append('.');
        String fraction = Integer.toString(nano + 1_000_000_000).substring(1, 1 + digits);
        return sb.append(fraction).append('Z').toString();
    }
}
