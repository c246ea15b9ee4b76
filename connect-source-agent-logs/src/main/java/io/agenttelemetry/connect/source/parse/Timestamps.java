package io.agenttelemetry.connect.source.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoField;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Reads event times as Unix epoch nanoseconds, in the format the user names: {@code auto} (ISO-8601, or epoch
 * seconds/milliseconds/microseconds/nanoseconds told apart by magnitude), {@code iso8601}, {@code epoch_s},
 * {@code epoch_ms}, {@code epoch_us}, {@code epoch_ns}, or a {@link DateTimeFormatter} pattern read in a zone.
 */
public final class Timestamps {
    public static final Timestamps AUTO = new Timestamps("auto", ZoneId.of("UTC"));

    private enum Kind { AUTO, ISO8601, EPOCH_S, EPOCH_MS, EPOCH_US, EPOCH_NS, PATTERN }

    private final Kind kind;
    private final DateTimeFormatter pattern;
    private final ZoneId zone;

    private Timestamps(String format, ZoneId zone) {
        Kind k;
        try {
            k = Kind.valueOf(format.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            k = Kind.PATTERN;
        }
        this.kind = k;
        this.pattern = k == Kind.PATTERN ? DateTimeFormatter.ofPattern(format, Locale.ROOT) : null;
        this.zone = zone;
    }

    /** @throws IllegalArgumentException if the format is neither a known name nor a valid pattern, or the zone is unknown */
    public static Timestamps of(String format, String zone) {
        try {
            return new Timestamps(format, ZoneId.of(zone));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The time in epoch nanoseconds; null for null or empty text. */
    public Long parse(String text) throws LineParseException {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            switch (kind) {
                case EPOCH_S: return scaled(t, 1_000_000_000L);
                case EPOCH_MS: return scaled(t, 1_000_000L);
                case EPOCH_US: return scaled(t, 1_000L);
                case EPOCH_NS: return scaled(t, 1L);
                case ISO8601: return iso(t);
                case PATTERN: return nanos(fromPattern(t));
                default:
                    return isNumber(t) ? byMagnitude(t) : iso(t);
            }
        } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
            throw new LineParseException("unreadable time '" + abbreviate(t) + "' for timestamp format " + this);
        }
    }

    /** One parse; the configured zone applies when the pattern has no offset or zone of its own. */
    private Instant fromPattern(String t) {
        TemporalAccessor parsed = pattern.parse(t);
        if (parsed.isSupported(ChronoField.INSTANT_SECONDS)) {
            return Instant.from(parsed);
        }
        return LocalDateTime.from(parsed).atZone(zone).toInstant();
    }

    private static long iso(String t) {
        long fast = Rfc3339.epochNanos(t);
        if (fast != Rfc3339.NOT_RFC3339) {
            return fast;
        }
        try {
            return nanos(Instant.parse(t));
        } catch (DateTimeParseException e) {
            try {
                return nanos(OffsetDateTime.parse(t).toInstant());
            } catch (DateTimeParseException e2) {
                // ISO local date-time without offset: read as UTC, as most loggers mean it.
                return nanos(LocalDateTime.parse(t).atZone(ZoneId.of("UTC")).toInstant());
            }
        }
    }

    /** Digits, optionally with a fraction: {@code \d+(\.\d+)?}. */
    private static boolean isNumber(String t) {
        int dot = t.indexOf('.');
        return allDigits(t, 0, dot < 0 ? t.length() : dot) && (dot < 0 || allDigits(t, dot + 1, t.length()));
    }

    private static boolean allDigits(String t, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static long byMagnitude(String t) {
        double n = Double.parseDouble(t);
        if (n < 1e11) return scaled(t, 1_000_000_000L);
        if (n < 1e14) return scaled(t, 1_000_000L);
        if (n < 1e17) return scaled(t, 1_000L);
        return scaled(t, 1L);
    }

    /** Exact for integers (nanosecond values exceed a double's precision), rounded for fractions. */
    private static long scaled(String t, long nanosPerUnit) {
        int dot = t.indexOf('.');
        if (dot < 0) {
            return Math.multiplyExact(Long.parseLong(t), nanosPerUnit);
        }
        long whole = Math.multiplyExact(Long.parseLong(t.substring(0, dot)), nanosPerUnit);
        return whole + Math.round(Double.parseDouble("0" + t.substring(dot)) * nanosPerUnit);
    }

    private static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    private static String abbreviate(String t) {
        return t.length() <= 64 ? t : t.substring(0, 64) + "...";
    }

    @Override
    public String toString() {
        return kind == Kind.PATTERN ? pattern.toString() : kind.name().toLowerCase(Locale.ROOT);
    }
}
