package io.agenttelemetry.connect.smt;

import java.util.Arrays;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.predicates.Predicate;

import io.agenttelemetry.connect.model.PluginVersion;
import io.agenttelemetry.connect.model.Sensitivity;

/**
 * True when a record's sensitivity class is at least {@code min}. Use it with Kafka's {@code Filter} to drop
 * records a consumer may not see, or as any SMT's {@code predicate}.
 */
public class SensitivityAtLeast<R extends ConnectRecord<R>> implements Predicate<R>, Versioned {
    public static final String MIN_CONFIG = "min";

    public static final ConfigDef CONFIG_DEF = SensitivityHeader.define(new ConfigDef()
            .define(MIN_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                    ConfigDef.CaseInsensitiveValidString.in(
                            Arrays.stream(Sensitivity.values()).map(Sensitivity::label).toArray(String[]::new)),
                    ConfigDef.Importance.HIGH,
                    "The predicate is true for records of this class or a more sensitive one "
                            + "(public < internal < confidential < restricted).",
                    "Predicate", 1, ConfigDef.Width.SHORT, "Minimum class"));

    private Sensitivity min;
    private SensitivityHeader header;

    @Override
    public void configure(Map<String, ?> props) {
        AbstractConfig config = new AbstractConfig(CONFIG_DEF, props);
        min = Sensitivity.parse(config.getString(MIN_CONFIG));
        header = SensitivityHeader.from(config);
    }

    @Override
    public boolean test(R record) {
        return header.read(record.headers()).atLeast(min);
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public String version() {
        return PluginVersion.get();
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "SensitivityAtLeast{min=" + min + '}';
    }
}
