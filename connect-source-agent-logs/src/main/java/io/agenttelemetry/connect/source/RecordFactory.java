package io.agenttelemetry.connect.source;

import java.util.Arrays;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.AgentEventConnect;

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

    private final AgentLogSourceConfig config;

    RecordFactory(AgentLogSourceConfig config) {
        this.config = config;
    }

    SourceRecord event(AgentEvent event, Map<String, ?> partition, Map<String, ?> offset) {
        String key;
        switch (config.keyField) {
            case TRACE_ID: key = event.traceId(); break;
            case SPAN_ID: key = event.spanId(); break;
            default: key = null;
        }
        Long time = event.startTimeUnixNano();
        return new SourceRecord(partition, offset, config.topic, null,
                key == null ? null : Schema.STRING_SCHEMA, key,
                AgentEventConnect.SCHEMA, AgentEventConnect.toStruct(event),
                time == null ? null : time / 1_000_000L);
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
                file + ":" + start, ERROR_SCHEMA, value);
    }
}
