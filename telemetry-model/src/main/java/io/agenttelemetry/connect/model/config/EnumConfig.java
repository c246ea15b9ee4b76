package io.agenttelemetry.connect.model.config;

import java.util.Arrays;
import java.util.Locale;

import org.apache.kafka.common.config.ConfigDef;

/**
 * Enum-valued settings, written in lowercase (e.g. {@code trace_id}): one validator and one parser for all our
 * plugins, so every option reads and fails the same way.
 */
public final class EnumConfig {
    private EnumConfig() {
    }

    /** A case-insensitive validator listing the allowed values in its documentation. */
    public static <E extends Enum<E>> ConfigDef.Validator validator(Class<E> type) {
        String[] names = Arrays.stream(type.getEnumConstants()).map(EnumConfig::label).toArray(String[]::new);
        return ConfigDef.CaseInsensitiveValidString.in(names);
    }

    /** The constant for a validated value. */
    public static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    }

    /** The lowercase form users write, e.g. {@code trace_id}. */
    public static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
