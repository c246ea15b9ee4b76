package io.agenttelemetry.connect.s3;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

import io.agenttelemetry.connect.model.GenAiAttributes;
import io.agenttelemetry.connect.model.Sensitivity;
import io.agenttelemetry.connect.model.config.PlaceholderTemplate;

/**
 * Object keys: the path template's prefix, then a name fixed by topic, partition and the first offset, so the
 * same records always land under the same key and a retried write can be recognized. The prefix may use record
 * fields, {sensitivity} (the masking header's class) and {agent} (gen_ai.agent.name of agent events): an object
 * holds records of one value of them, so a record with another value starts a new object.
 */
final class ObjectKeys {
    static final Set<String> VARIABLES = Set.of("topic", "partition", "sensitivity", "agent");

    private final PlaceholderTemplate prefix;
    private final String extension;
    private final String sensitivityHeader;
    private final boolean usesSensitivity;
    private final boolean usesAgent;

    private ObjectKeys(PlaceholderTemplate prefix, String extension, String sensitivityHeader, boolean usesSensitivity, boolean usesAgent) {
        this.prefix = prefix;
        this.extension = extension;
        this.sensitivityHeader = sensitivityHeader;
        this.usesSensitivity = usesSensitivity;
        this.usesAgent = usesAgent;
    }

    static ObjectKeys parse(String template, ZoneId zone, String extension, String sensitivityHeader) {
        return new ObjectKeys(PlaceholderTemplate.parse(S3ArchiveSinkConfig.PATH_TEMPLATE_CONFIG, template, VARIABLES, zone),
                extension, sensitivityHeader, template.contains("{sensitivity}"), template.contains("{agent}"));
    }

    /** The record-field values the template uses, e.g. {sensitivity=restricted}; empty when it uses none. */
    Map<String, String> recordFields(SinkRecord record) {
        if (!usesSensitivity && !usesAgent) {
            return Map.of(); // the common case: nothing to read or allocate per record
        }
        Map<String, String> fields = new HashMap<>();
        if (usesSensitivity) {
            fields.put("sensitivity", Sensitivity.read(record.headers(), sensitivityHeader, Sensitivity.RESTRICTED).label());
        }
        if (usesAgent) {
            fields.put("agent", safe(agent(record.value())));
        }
        return fields;
    }

    String key(String topic, int partition, long startOffset, long firstTimestampMillis, Map<String, String> recordFields) {
        Map<String, String> vars = new HashMap<>(recordFields);
        vars.put("topic", topic);
        vars.put("partition", Integer.toString(partition));
        String p = prefix.render(vars, firstTimestampMillis);
        return p + topic + "+" + partition + "+" + String.format("%020d", startOffset) + extension;
    }

    private static String agent(Object value) {
        Object attributes = value instanceof Struct && ((Struct) value).schema().field("attributes") != null
                ? ((Struct) value).get("attributes")
                : value instanceof Map ? ((Map<?, ?>) value).get("attributes") : null;
        Object agent = attributes instanceof Map ? ((Map<?, ?>) attributes).get(GenAiAttributes.AGENT_NAME) : null;
        return agent == null ? "unknown" : agent.toString();
    }

    /** Keeps a value to one path segment of safe characters. */
    private static String safe(String s) {
        String v = s.replaceAll("[^A-Za-z0-9._-]", "_");
        return v.isEmpty() ? "_" : v;
    }
}
