package io.agenttelemetry.connect.model;

import java.util.Locale;

/** Trace and span ids as OTLP writes them: lowercase hex, absent rather than empty. */
public final class HexIds {
    private HexIds() {
    }

    /** Lowercases an id; null and "" (how OTLP writes "no parent") become null. */
    public static String normalize(String id) {
        if (id == null || id.isEmpty()) {
            return null;
        }
        return id.toLowerCase(Locale.ROOT);
    }
}
