package io.agenttelemetry.connect.model;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.connect.header.Header;

/** Our headers' values as text, whichever converter wrote them (a string, or UTF-8 bytes). */
public final class HeaderValues {
    private HeaderValues() {
    }

    /** The header's value as text; null for a missing header or a null value. */
    public static String text(Header header) {
        if (header == null || header.value() == null) {
            return null;
        }
        Object v = header.value();
        return v instanceof byte[] ? new String((byte[]) v, StandardCharsets.UTF_8) : v.toString();
    }
}
