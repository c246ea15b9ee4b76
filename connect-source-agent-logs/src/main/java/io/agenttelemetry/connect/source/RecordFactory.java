package io.agenttelemetry.connect.source;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.AgentEventConnect;
import io.agenttelemetry.connect.model.AgentEventJson;
import io.agenttelemetry.connect.model.ConnectValues;

/** Builds the records the source emits: one per event, and one per unreadable line for the error topic. */
final class RecordFactory {
    static final Schema ERROR_SCHEMA = SchemaBuilder.struct()
            .name("io.agenttelemetry.connect.source.UnreadableLine")
            .doc("A line the source could not read, with where it is and why.")
            .field("file", Schema.STRING_SCHEMA)
            .field("offset", Schema.INT64_SCHEMA)
            .field("line", Schema.INT64_SCHEMA)
            .field("length", Schema.INT64_SCHEMA)
            .field("format", Schema.OPTIONAL_STRING_SCHEMA)
            .field("reason", Schema.STRING_SCHEMA)
            .field("raw", Schema.BYTES_SCHEMA)
            .field("rawTruncated", Schema.BOOLEAN_SCHEMA)
            .build();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgentLogSourceConfig config;
    private final boolean topicIsConstant;
    private final boolean valuesAsJson;

    RecordFactory(AgentLogSourceConfig config) {
        this.config = config;
        this.topicIsConstant = !config.topic.contains("{");
        this.valuesAsJson = config.valueFormat == AgentLogSourceConfig.ValueFormat.JSON;
    }

    /** The topic template rendered for an event: its format, event type and the name of its file's directory. */
    private String topic(AgentEvent event, long timeMillis) {
        if (topicIsConstant) {
            return config.topic;
        }
        Path dir = Paths.get(event.source().file()).getParent();
        Map<String, String> vars = Map.of(
                "format", topicSafe(event.source().format()),
                "type", event.eventType().name().toLowerCase(Locale.ROOT),
                "dir", dir == null || dir.getFileName() == null ? "root" : topicSafe(dir.getFileName().toString()));
        return config.topicTemplate.render(vars, timeMillis);
    }

    /** Kafka topic names allow letters, digits, '.', '_' and '-'. */
    private static String topicSafe(String s) {
        return s.replaceAll("[^a-zA-Z0-9._-]", "_");
    }

    SourceRecord event(AgentEvent event, Map<String, ?> partition, Map<String, ?> offset) {
        String key;
        switch (config.keyField) {
            case TRACE_ID: key = event.traceId(); break;
            case SPAN_ID: key = event.spanId(); break;
            default: key = null;
        }
        Long time = event.startTimeUnixNano();
        String topic = topic(event, time == null ? 0 : time / 1_000_000L);
        // With value.format=json the value stays the event until the task thread writes it (withJsonValues).
        return new SourceRecord(partition, offset, topic, null,
                key == null ? null : Schema.STRING_SCHEMA, key,
                valuesAsJson ? Schema.BYTES_SCHEMA : AgentEventConnect.SCHEMA,
                valuesAsJson ? event : AgentEventConnect.toStruct(event),
                time == null ? null : time / 1_000_000L);
    }

    /**
     * Writes the JSON of the events that value.format=json left in the records, on the task thread: the reader
     * thread, parsing, is the busier of the two, and writing the JSON there as well left the task thread waiting
     * for it (a third of the reader's time went to writing).
     */
    static void withJsonValues(List<SourceRecord> records) {
        try (AgentEventJson.Writer json = new AgentEventJson.Writer()) {
            for (int i = 0; i < records.size(); i++) {
                SourceRecord r = records.get(i);
                if (r.value() instanceof AgentEvent) {
                    records.set(i, r.newRecord(r.topic(), r.kafkaPartition(), r.keySchema(), r.key(), r.valueSchema(),
                            json.toBytes((AgentEvent) r.value()), r.timestamp()));
                }
            }
        }
    }

    SourceRecord error(String file, long start, long end, long lineNumber, String format, String reason,
                       byte[] raw, int rawLength, Map<String, ?> partition, Map<String, ?> offset) {
        int kept = Math.min(rawLength, config.errorRawMaxBytes);
        Struct value = new Struct(ERROR_SCHEMA)
                .put("file", file)
                .put("offset", start)
                .put("line", lineNumber)
                .put("length", end - start)
                .put("format", format)
                .put("reason", reason)
                .put("raw", Arrays.copyOf(raw, kept))
                .put("rawTruncated", kept < end - start - 1);
        return new SourceRecord(partition, offset, config.errorTopic, null, Schema.STRING_SCHEMA,
                file + ":" + start, valuesAsJson ? Schema.BYTES_SCHEMA : ERROR_SCHEMA, valuesAsJson ? json(value) : value);
    }

    /** The error struct as JsonConverter without schemas writes it: fields in order, bytes in base64. */
    private static byte[] json(Struct value) {
        try {
            return JSON.writeValueAsBytes(ConnectValues.toPlain(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
