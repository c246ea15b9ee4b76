package io.agenttelemetry.connect.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.AgentEventConnect;
import io.agenttelemetry.connect.model.AgentEventMaps;
import io.agenttelemetry.connect.model.HeaderValues;
import io.agenttelemetry.connect.model.ConnectValues;
import io.agenttelemetry.connect.model.EventSource;
import io.agenttelemetry.connect.model.EventType;
import io.agenttelemetry.connect.model.Sensitivity;

/**
 * Turns records into OpenSearch documents. Agent events take the shape of Data Prepper's otel span and log
 * documents, so OpenSearch Dashboards' trace views read them as they are; other values are indexed as they come.
 * Ids are derived from the event (trace id + span id for spans, a hash of where a log record was read for logs),
 * so replays overwrite instead of duplicating; topic+partition+offset is the fallback.
 */
final class DocumentMapper {
    private static final ObjectMapper GENERIC = new ObjectMapper();
    /** Built once: looking the map type up again for every record cost 3% of the mapping. */
    private static final ObjectReader JSON_OBJECT = GENERIC.readerFor(new TypeReference<Map<String, Object>>() { });

    private static final SerializedString AGENT_TELEMETRY = new SerializedString("agentTelemetry");
    private static final SerializedString SENSITIVITY = new SerializedString("sensitivity");
    private static final SerializedString FINDING_TYPES = new SerializedString("findingTypes");
    private static final SerializedString FINDING_COUNT = new SerializedString("findingCount");
    private static final SerializedString INGEST_LAG_MS = new SerializedString("ingestLagMs");
    private static final SerializedString KAFKA = new SerializedString("kafka");
    private static final SerializedString TOPIC = new SerializedString("topic");
    private static final SerializedString PARTITION = new SerializedString("partition");
    private static final SerializedString OFFSET = new SerializedString("offset");

    private final IndexNameTemplate indexTemplate;
    private final String sensitivityHeader;
    private final String findingsHeader;
    /** Data streams need an @timestamp in every document. */
    private final boolean timestampField;
    private final DocumentJson json = new DocumentJson();

    DocumentMapper(IndexNameTemplate indexTemplate, String sensitivityHeader, String findingsHeader, boolean timestampField) {
        this.indexTemplate = indexTemplate;
        this.sensitivityHeader = sensitivityHeader;
        this.findingsHeader = findingsHeader;
        this.timestampField = timestampField;
    }

    /** The document for a record with a value. */
    Document toDocument(SinkRecord record) {
        if (record.value() instanceof byte[]) {
            EventBytes event = EventBytes.read((byte[]) record.value());
            if (event != null) {
                String id = eventId(event.type, event.traceId, event.spanId, event::eventSource, event.startTimeUnixNano,
                        event::bodyText, record);
                return eventDocument(record, event.type, event.startTimeUnixNano, id, more -> json.write(event, more));
            }
        }
        Object value = jsonObjectOrValue(record.value());
        AgentEvent event = asAgentEvent(value);
        if (event != null) {
            String id = eventId(event.eventType(), event.traceId(), event.spanId(), event::source, event.startTimeUnixNano(),
                    event::body, record);
            return eventDocument(record, event.eventType(), event.startTimeUnixNano(), id, more -> json.write(event, more));
        }
        String sensitivity = sensitivity(record);
        long millis = millis(null, record);
        Map<String, Object> document = genericDocument(value);
        if (timestampField) {
            document.put("@timestamp", Instant.ofEpochMilli(millis).toString());
        }
        return document(record, record.topic(), sensitivity, millis, fallbackId(record), genericJson(document, record));
    }

    /** An agent event's document in the span or log index: its own fields, then what the pipeline knows. */
    private Document eventDocument(SinkRecord record, EventType type, Long startNanos, String id,
            Function<DocumentJson.Fields, byte[]> writeEvent) {
        String sensitivity = sensitivity(record);
        long millis = millis(startNanos, record);
        byte[] source = writeEvent.apply(pipelineFields(record, sensitivity, millis));
        return document(record, type == EventType.SPAN ? "spans" : "logs", sensitivity, millis, id, source);
    }

    private Document document(SinkRecord record, String kind, String sensitivity, long millis, String id, byte[] source) {
        String index = indexTemplate.render(new IndexNameTemplate.Values(kind, record.topic(), sensitivity, millis));
        return new Document(record, index, id, source);
    }

    /** Event time if known, else the record's timestamp, else now: it picks the index and the @timestamp. */
    private static long millis(Long eventNanos, SinkRecord record) {
        return eventNanos != null ? eventNanos / 1_000_000L : record.timestamp() != null ? record.timestamp() : System.currentTimeMillis();
    }

    /** The fields an event's document gets after its own: what the pipeline knows, and @timestamp if needed. */
    private DocumentJson.Fields pipelineFields(SinkRecord record, String sensitivity, long millis) {
        return g -> {
            g.writeFieldName(AGENT_TELEMETRY);
            writePipelineFields(g, record, sensitivity);
            if (timestampField) {
                g.writeStringField("@timestamp", Instant.ofEpochMilli(millis).toString());
            }
        };
    }

    /** A delete of the document a tombstone's key names, in the index its timestamp selects. */
    Document toDelete(SinkRecord record) {
        long millis = record.timestamp() != null ? record.timestamp() : System.currentTimeMillis();
        String index = indexTemplate.render(new IndexNameTemplate.Values(record.topic(), record.topic(), sensitivity(record), millis));
        String id = record.key() != null ? String.valueOf(record.key()) : fallbackId(record);
        return new Document(record, index, id, null);
    }

    /**
     * A value read with ByteArrayConverter or StringConverter that holds a JSON object, as maps, as JsonConverter
     * without schemas would give it (parsed here straight to maps, without the converter's tree); else the value.
     */
    static Object jsonObjectOrValue(Object value) {
        try {
            if (value instanceof byte[] && startsObject((byte[]) value)) {
                return JSON_OBJECT.readValue((byte[]) value);
            }
            if (value instanceof String && ((String) value).stripLeading().startsWith("{")) {
                return JSON_OBJECT.readValue((String) value);
            }
        } catch (JsonProcessingException e) {
            // not JSON after all: indexed as the value it is
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading from memory
        }
        return value;
    }

    private static boolean startsObject(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b == '{';
            }
        }
        return false;
    }

    private static AgentEvent asAgentEvent(Object value) {
        if (value instanceof Struct && AgentEventConnect.SCHEMA_NAME.equals(((Struct) value).schema().name())) {
            return AgentEventConnect.fromStruct((Struct) value);
        }
        if (value instanceof Map && AgentEventMaps.isAgentEvent((Map<?, ?>) value)) {
            return AgentEventMaps.fromMap((Map<?, ?>) value);
        }
        return null;
    }

    /** Source and body are read only when the id needs them: for spans it is trace id and span id. */
    private static String eventId(EventType type, String traceId, String spanId, Supplier<EventSource> where, Long startNanos,
            Supplier<String> body, SinkRecord record) {
        if (type == EventType.SPAN && traceId != null && spanId != null) {
            return traceId + "-" + spanId;
        }
        EventSource source = where.get();
        if (source != null) {
            return sha256Hex(source.file() + "\n" + source.offset() + "\n" + startNanos + "\n" + traceId + "\n" + spanId
                    + "\n" + body.get());
        }
        return fallbackId(record);
    }

    static String fallbackId(SinkRecord record) {
        return record.topic() + "+" + record.kafkaPartition() + "+" + record.kafkaOffset();
    }

    /**
     * What the pipeline knows about the event, for the shipped dashboards: its sensitivity class, what the masking
     * transform found (types and total, from its header; never values), where it came from in Kafka, and how long
     * after its Kafka timestamp it was indexed (ingest lag).
     */
    private void writePipelineFields(JsonGenerator g, SinkRecord record, String sensitivity) throws IOException {
        g.writeStartObject();
        g.writeFieldName(SENSITIVITY);
        g.writeString(sensitivity);
        long findings = 0;
        Header header = record.headers().lastWithName(findingsHeader);
        String text = header == null ? null : HeaderValues.text(header);
        g.writeFieldName(FINDING_TYPES);
        g.writeStartArray();
        if (text != null) {
            for (String pair : text.split(",")) {
                int colon = pair.lastIndexOf(':');
                if (colon > 0) {
                    g.writeString(pair.substring(0, colon).trim());
                    try {
                        findings += Long.parseLong(pair.substring(colon + 1).trim());
                    } catch (NumberFormatException e) {
                        findings++;
                    }
                }
            }
        }
        g.writeEndArray();
        g.writeFieldName(FINDING_COUNT);
        g.writeNumber(findings);
        if (record.timestamp() != null) {
            g.writeFieldName(INGEST_LAG_MS);
            g.writeNumber(Math.max(0, System.currentTimeMillis() - record.timestamp()));
        }
        g.writeFieldName(KAFKA);
        g.writeStartObject();
        g.writeFieldName(TOPIC);
        g.writeString(record.topic());
        g.writeFieldName(PARTITION);
        g.writeNumber(record.kafkaPartition());
        g.writeFieldName(OFFSET);
        g.writeNumber(record.kafkaOffset());
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The record's class from the masking header; an unclassified record counts as restricted. */
    private String sensitivity(SinkRecord record) {
        return Sensitivity.read(record.headers(), sensitivityHeader, Sensitivity.RESTRICTED).label();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> genericDocument(Object value) {
        Object converted = ConnectValues.toPlain(value);
        if (converted instanceof Map) {
            return (Map<String, Object>) converted;
        }
        Map<String, Object> wrapped = new HashMap<>();
        wrapped.put("value", converted);
        return wrapped;
    }

    private static byte[] genericJson(Map<String, Object> document, SinkRecord record) {
        try {
            return GENERIC.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new DataException("cannot write the value at " + record.topic() + "-" + record.kafkaPartition() + "@"
                    + record.kafkaOffset() + " as JSON", e);
        }
    }

    private static String sha256Hex(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
