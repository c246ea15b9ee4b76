package io.agenttelemetry.connect.source.parse;

import java.time.LocalDate;

/**
 * The common case of ISO-8601 times read without {@link java.time.format.DateTimeFormatter}, which costs a
 * microsecond or more per call: {@code yyyy-MM-ddTHH:mm:ss}, an optional fraction of up to nine digits, then
 * {@code Z}, {@code ±HH:MM} or nothing (UTC). Anything else (leap seconds, other forms) is left to the formatters,
 * so both paths give the same results.
 */
final class Rfc3339 {
    static final long NOT_RFC3339 = Long.MIN_VALUE;
    private static final int DATE_TIME_LENGTH = 19;

    private Rfc3339() {
    }

    /** Epoch nanoseconds, or {@link #NOT_RFC3339} if the text is not of this shape; throws on overflow. */
    static long epochNanos(String t) {
        int n = t.length();
        if (n < DATE_TIME_LENGTH || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return NOT_RFC3339;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return NOT_RFC3339;
        }
        int i = DATE_TIME_LENGTH;
        long nanos = 0;
        if (i < n && t.charAt(i) == '.') {
            int end = i + 1;
            while (end < n && t.charAt(end) >= '0' && t.charAt(end) <= '9') {
                end++;
            }
            int count = end - i - 1;
            if (count == 0 || count > 9) {
                return NOT_RFC3339;
            }
            nanos = digits(t, i + 1, end);
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
            i = end;
        }
        int offsetSeconds;
        if (i == n) {
            offsetSeconds = 0;
        } else if (i == n - 1 && t.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (t.charAt(i) == '+' || t.charAt(i) == '-') && t.charAt(i + 3) == ':') {
            int h = digits(t, i + 1, i + 3);
            int m = digits(t, i + 4, i + 6);
            if (h < 0 || h > 18 || m < 0 || m > 59 || h == 18 && m > 0) {
                return NOT_RFC3339;
            }
            offsetSeconds = (t.charAt(i) == '-' ? -1 : 1) * (h * 3600 + m * 60);
        } else {
            return NOT_RFC3339;
        }
        long epochSeconds = LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Math.addExact(Math.multiplyExact(epochSeconds, 1_000_000_000L), nanos);
    }

    /** The ASCII digits from..to as a number, or -1 if any is not a digit. */
    private static int digits(String t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
