package io.agenttelemetry.connect.model;

import java.util.function.LongFunction;

/**
 * A text that depends only on the epoch second, kept for the last second asked: records come in time order, so
 * formatting each record's time anew (a tenth of the OpenSearch sink's mapping of a record) mostly repeated the
 * last result. The kept pair is immutable, so threads sharing one may race on it harmlessly.
 */
public final class LastSecondText {
    private record Formatted(long second, String text) {
    }

    private final LongFunction<String> format;
    private Formatted last = new Formatted(Long.MIN_VALUE, null);

    /** @param format the text of an epoch second */
    public LastSecondText(LongFunction<String> format) {
        this.format = format;
    }

    public String of(long epochSecond) {
        Formatted f = last;
        if (f.second != epochSecond) {
            f = new Formatted(epochSecond, format.apply(epochSecond));
            last = f;
        }
        return f.text;
    }
}
