package io.agenttelemetry.connect.source.parse;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The connector's settings that shape parsing, for parser providers. Built-in formats use the typed fields;
 * providers added through the SPI read their own keys from {@link #originals()}.
 */
public final class ParserSettings {
    public static final ParserSettings DEFAULTS = new ParserSettings(Timestamps.AUTO, Map.of(), null, null, false, 500, 2000, 1024 * 1024, Map.of());

    private final Timestamps timestamps;
    private final Map<String, String> jsonFields;
    private final Pattern textPattern;
    private final Pattern multilineStart;
    private final boolean multilineNegate;
    private final int multilineMaxLines;
    private final long multilineFlushMs;
    private final int maxEventChars;
    private final Map<String, String> originals;

    public ParserSettings(Timestamps timestamps, Map<String, String> jsonFields, Pattern textPattern, Pattern multilineStart,
                          boolean multilineNegate, int multilineMaxLines, long multilineFlushMs, int maxEventChars,
                          Map<String, String> originals) {
        this.timestamps = timestamps;
        this.jsonFields = Map.copyOf(jsonFields);
        this.textPattern = textPattern;
        this.multilineStart = multilineStart;
        this.multilineNegate = multilineNegate;
        this.multilineMaxLines = multilineMaxLines;
        this.multilineFlushMs = multilineFlushMs;
        this.maxEventChars = maxEventChars;
        this.originals = Map.copyOf(originals);
    }

    /** How event times in the files are written. */
    public Timestamps timestamps() {
        return timestamps;
    }

    /** For {@code jsonl}: model field name to JSON Pointer, overriding the well-known field names. */
    public Map<String, String> jsonFields() {
        return jsonFields;
    }

    /** For {@code text}: the regex with named groups an event's first line is read with; null reads it whole. */
    public Pattern textPattern() {
        return textPattern;
    }

    /** For {@code text}: lines matching it start a new event (not matching, if negated); null joins no lines. */
    public Pattern multilineStart() {
        return multilineStart;
    }

    public boolean multilineNegate() {
        return multilineNegate;
    }

    public int multilineMaxLines() {
        return multilineMaxLines;
    }

    public long multilineFlushMs() {
        return multilineFlushMs;
    }

    /** A multi-line event is released once its text is this long, so held lines stay bounded. */
    public int maxEventChars() {
        return maxEventChars;
    }

    /** Every connector setting as the user gave it. */
    public Map<String, String> originals() {
        return originals;
    }
}
