package io.agenttelemetry.connect.smt;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;

import io.agenttelemetry.connect.model.PluginVersion;
import io.agenttelemetry.connect.model.Sensitivity;

/**
 * Sends each record to a topic chosen by its sensitivity class: an explicit class-to-topic map where given,
 * otherwise a template such as {@code ${topic}.${sensitivity}}.
 */
public class RouteBySensitivity<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {
    public static final String TOPIC_TEMPLATE_CONFIG = "topic.template";
    public static final String TOPIC_MAP_CONFIG = "topic.map";
    private static final String GROUP = "Routing";

    public static final ConfigDef CONFIG_DEF = SensitivityHeader.define(new ConfigDef()
            .define(TOPIC_TEMPLATE_CONFIG, ConfigDef.Type.STRING, "${topic}.${sensitivity}", new ConfigDef.NonEmptyString(),
                    ConfigDef.Importance.HIGH,
                    "Topic for classes not in topic.map. ${topic} is the record's topic, ${sensitivity} its class in lowercase.",
                    GROUP, 1, ConfigDef.Width.LONG, "Topic template")
            .define(TOPIC_MAP_CONFIG, ConfigDef.Type.LIST, "", ConfigDef.Importance.MEDIUM,
                    "Explicit topics per class as class:topic pairs, e.g. restricted:agent-events.restricted,public:agent-events. "
                            + "Listed classes ignore the template.",
                    GROUP, 2, ConfigDef.Width.LONG, "Topic per class"));

    private String template;
    private Map<Sensitivity, String> explicit;
    private SensitivityHeader header;

    @Override
    public void configure(Map<String, ?> props) {
        AbstractConfig config = new AbstractConfig(CONFIG_DEF, props);
        template = config.getString(TOPIC_TEMPLATE_CONFIG);
        explicit = parseMap(config.getList(TOPIC_MAP_CONFIG));
        header = SensitivityHeader.from(config);
    }

    static Map<Sensitivity, String> parseMap(List<String> pairs) {
        Map<Sensitivity, String> out = new EnumMap<>(Sensitivity.class);
        for (String pair : pairs) {
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw new ConfigException(TOPIC_MAP_CONFIG, pair, "expected class:topic");
            }
            try {
                out.put(Sensitivity.parse(pair.substring(0, colon)), pair.substring(colon + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(TOPIC_MAP_CONFIG, pair, e.getMessage());
            }
        }
        return out;
    }

    @Override
    public R apply(R record) {
        if (record == null) {
            return null;
        }
        Sensitivity sensitivity = header.read(record.headers());
        String topic = explicit.get(sensitivity);
        if (topic == null) {
            topic = template.replace("${topic}", record.topic()).replace("${sensitivity}", sensitivity.label());
        }
        return record.newRecord(topic, record.kafkaPartition(), record.keySchema(), record.key(),
                record.valueSchema(), record.value(), record.timestamp(), record.headers());
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
}
