package io.agenttelemetry.connect.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.AgentEventConnect;
import io.agenttelemetry.connect.model.AgentEventMaps;
import io.agenttelemetry.connect.model.HeaderValues;
import io.agenttelemetry.connect.model.ConnectValues;
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
        Object value = jsonObjectOrValue(record.value());
        AgentEvent event = asAgentEvent(value);
        String sensitivity = sensitivity(record);
        Long timeNanos = event != null ? event.startTimeUnixNano() : null;
        long millis = timeNanos != null ? timeNanos / 1_000_000L : record.timestamp() != null ? record.timestamp() : System.currentTimeMillis();
        String timestamp = timestampField ? Instant.ofEpochMilli(millis).toString() : null;
        String kind;
        String id;
        byte[] source;
        if (event != null) {
            DocumentJson.Fields more = g -> {
                g.writeFieldName("agentTelemetry");
                writePipelineFields(g, record, sensitivity);
                if (timestamp != null) {
                    g.writeStringField("@timestamp", timestamp);
                }
            };
            boolean span = event.eventType() == EventType.SPAN;
            kind = span ? "spans" : "logs";
            source = span ? json.span(event, more) : json.log(event, more);
            id = eventId(event, record);
        } else {
            kind = record.topic();
            Map<String, Object> document = genericDocument(value);
            if (timestamp != null) {
                document.put("@timestamp", timestamp);
            }
            source = genericJson(document, record);
            id = fallbackId(record);
        }
        String index = indexTemplate.render(new IndexNameTemplate.Values(kind, record.topic(), sensitivity, millis));
        return new Document(record, index, id, source);
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

    private static String eventId(AgentEvent e, SinkRecord record) {
        if (e.eventType() == EventType.SPAN && e.traceId() != null && e.spanId() != null) {
            return e.traceId() + "-" + e.spanId();
        }
        if (e.source() != null) {
            return sha256Hex(e.source().file() + "\n" + e.source().offset() + "\n" + e.startTimeUnixNano() + "\n"
                    + e.traceId() + "\n" + e.spanId() + "\n" + e.body());
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
        g.writeStringField("sensitivity", sensitivity);
        long findings = 0;
        Header header = record.headers().lastWithName(findingsHeader);
        String text = header == null ? null : HeaderValues.text(header);
        g.writeArrayFieldStart("findingTypes");
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
        g.writeNumberField("findingCount", findings);
        if (record.timestamp() != null) {
            g.writeNumberField("ingestLagMs", Math.max(0, System.currentTimeMillis() - record.timestamp()));
        }
        g.writeObjectFieldStart("kafka");
        g.writeStringField("topic", record.topic());
        g.writeNumberField("partition", record.kafkaPartition());
        g.writeNumberField("offset", record.kafkaOffset());
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
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                sb.append(String.format("%02x", d[i]));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
