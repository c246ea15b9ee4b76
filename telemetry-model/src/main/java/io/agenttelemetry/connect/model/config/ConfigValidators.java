package io.agenttelemetry.connect.model.config;

import java.time.DateTimeException;
import java.time.ZoneId;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Validators made from the code that parses a setting, so a value is checked by exactly what will read it, and
 * the description appears in the worker's validate response and the generated reference pages.
 */
public final class ConfigValidators {
    private ConfigValidators() {
    }

    /** Parses or checks a value; throws ConfigException (naming the key) if it is not valid. */
    @FunctionalInterface
    public interface Check {
        void check(String name, Object value);
    }

    public static ConfigDef.Validator of(String description, Check check) {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                check.check(name, value);
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }

    /** A java.time zone id such as UTC or Europe/Berlin. */
    public static ConfigDef.Validator zoneId() {
        return of("time zone id, e.g. UTC", (name, value) -> {
            try {
                ZoneId.of((String) value);
            } catch (DateTimeException e) {
                throw new ConfigException(name, value, "unknown time zone: " + e.getMessage());
            }
        });
    }
}
