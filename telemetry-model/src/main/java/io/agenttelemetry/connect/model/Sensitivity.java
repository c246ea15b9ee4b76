package io.agenttelemetry.connect.model;

import java.util.Locale;

import org.apache.kafka.connect.header.Headers;

/**
 * How sensitive a record is, in increasing order. The masking SMTs set it; routing, sinks and the S3 path
 * template read it from the {@link #HEADER} record header.
 */
public enum Sensitivity {
    PUBLIC,
    INTERNAL,
    CONFIDENTIAL,
    RESTRICTED;

    /** Default name of the record header carrying the class. */
    public static final String HEADER = "agent_telemetry.sensitivity";

    /** Parses a class name case-insensitively; throws with the allowed names on anything else. */
    public static Sensitivity parse(String name) {
        if (name != null) {
            for (Sensitivity s : values()) {
                if (s.name().equalsIgnoreCase(name.trim())) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("Unknown sensitivity '" + name + "'; expected one of public, internal, confidential, restricted");
    }

    /**
     * The class in the last header of that name; missingAs when there is none or it names no class, so an
     * unclassified record is treated as the caller's policy says (usually restricted).
     */
    public static Sensitivity read(Headers headers, String headerName, Sensitivity missingAs) {
        String text = headers == null ? null : HeaderValues.text(headers.lastWithName(headerName));
        if (text == null) {
            return missingAs;
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            return missingAs;
        }
    }

    public boolean atLeast(Sensitivity other) {
        return compareTo(other) >= 0;
    }

    /** Lowercase name, as written to headers, topics and object keys. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
