package io.agenttelemetry.connect.model.config;

import java.util.List;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** A LIST setting that needs at least one element (Connect 3.9 has no such validator). */
public final class NonEmptyList implements ConfigDef.Validator {
    private final String what;

    public NonEmptyList(String what) {
        this.what = what;
    }

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null || ((List<?>) value).isEmpty()) {
            throw new ConfigException(name, value, "at least one " + what + " is required");
        }
    }

    @Override
    public String toString() {
        return "non-empty list of " + what + "s";
    }
}
