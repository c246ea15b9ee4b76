package io.agenttelemetry.connect.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;

/** Writing a named field of an event's JSON: the shapes every writer of events has (null written as null). */
public final class JsonFields {
    /** Shorter strings go through the generator: for them, encoding apart costs more than it saves. */
    private static final int RAW_MIN_CHARS = 32;
    /**
     * Bytes a JSON string cannot hold as they are (controls, quote, backslash), and those the generator writes
     * otherwise than the JDK encodes them (see {@link #text}).
     */
    private static final boolean[] NOT_PLAIN = new boolean[256];

    static {
        for (int b = 0; b < 0x20; b++) {
            NOT_PLAIN[b] = true;
        }
        NOT_PLAIN['"'] = true;
        NOT_PLAIN['\\'] = true;
        NOT_PLAIN['?'] = true;
        for (int b = 0xF0; b <= 0xFF; b++) {
            NOT_PLAIN[b] = true; // starts a character beyond the BMP
        }
    }

    private JsonFields() {
    }

    public static void string(JsonGenerator g, SerializableString name, String value) throws IOException {
        g.writeFieldName(name);
        text(g, value);
    }

    public static void number(JsonGenerator g, SerializableString name, Number value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value.longValue());
        }
    }

    public static void stringMap(JsonGenerator g, SerializableString name, Map<String, String> map) throws IOException {
        g.writeFieldName(name);
        g.writeStartObject();
        for (Map.Entry<String, String> entry : map.entrySet()) {
            g.writeFieldName(entry.getKey());
            text(g, entry.getValue());
        }
        g.writeEndObject();
    }

    /**
     * Writes a string value, the same bytes as {@link JsonGenerator#writeString(String)}. A long string that needs no
     * escaping goes out as its UTF-8 bytes: the JDK encodes a Latin-1 string with one array copy, where the generator
     * looks at each character in turn (half the time of writing a 1 KiB agent event went there). Where the two
     * differ, the string goes through the generator: the JDK writes '?' for a lone surrogate, and the generator
     * escapes a character beyond the BMP as a surrogate pair ("\ud83d\ude80") where the JDK writes its four bytes.
     */
    static void text(JsonGenerator g, String value) throws IOException {
        if (value == null || value.length() < RAW_MIN_CHARS || !(g instanceof UTF8JsonGenerator)) {
            g.writeString(value);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (plain(utf8)) {
            g.writeRawUTF8String(utf8, 0, utf8.length);
        } else {
            g.writeString(value);
        }
    }

    private static boolean plain(byte[] utf8) {
        boolean notPlain = false;
        for (byte b : utf8) {
            notPlain |= NOT_PLAIN[b & 0xFF]; // no early exit: the loop stays free of branches
        }
        return !notPlain;
    }
}
