package io.agenttelemetry.connect.opensearch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.AgentEventConnect;
import io.agenttelemetry.connect.model.AgentEventMaps;
import io.agenttelemetry.connect.model.HeaderValues;
import io.agenttelemetry.connect.model.ConnectValues;
import io.agenttelemetry.connect.model.EventType;
import io.agenttelemetry.connect.model.Sensitivity;
import io.agenttelemetry.connect.model.SpanEvent;
import io.agenttelemetry.connect.model.StatusCode;

/**
 * Turns records into OpenSearch documents. Agent events take the shape of Data Prepper's otel span and log
 * documents, so OpenSearch Dashboards' trace views read them as they are; other values are indexed as they come.
 * Ids are derived from the event (trace id + span id for spans, a hash of where a log record was read for logs),
 * so replays overwrite instead of duplicating; topic+partition+offset is the fallback.
 */
final class DocumentMapper {
    private final IndexNameTemplate indexTemplate;
    private final String sensitivityHeader;
    private final String findingsHeader;
    /** Data streams need an @timestamp in every document. */
    private final boolean timestampField;

    DocumentMapper(IndexNameTemplate indexTemplate, String sensitivityHeader, String findingsHeader, boolean timestampField) {
        this.indexTemplate = indexTemplate;
        this.sensitivityHeader = sensitivityHeader;
        this.findingsHeader = findingsHeader;
        this.timestampField = timestampField;
    }

    /** The document for a record with a value. */
    Document toDocument(SinkRecord record) {
        Object value = record.value();
        AgentEvent event = asAgentEvent(value);
        Map<String, Object> source;
        String id;
        String kind;
        Long timeNanos;
        if (event != null) {
            kind = event.eventType() == EventType.SPAN ? "spans" : "logs";
            source = event.eventType() == EventType.SPAN ? spanDocument(event) : logDocument(event);
            id = eventId(event, record);
            timeNanos = event.startTimeUnixNano();
        } else {
            kind = record.topic();
            source = genericDocument(value);
            id = fallbackId(record);
            timeNanos = null;
        }
        long millis = timeNanos != null ? timeNanos / 1_000_000L : record.timestamp() != null ? record.timestamp() : System.currentTimeMillis();
        String sensitivity = sensitivity(record);
        if (event != null) {
            source.put("agentTelemetry", pipelineFields(record, sensitivity));
        }
        if (timestampField) {
            source.put("@timestamp", java.time.Instant.ofEpochMilli(millis).toString());
        }
        String index = indexTemplate.render(new IndexNameTemplate.Values(kind, record.topic(), sensitivity, millis));
        return new Document(record, index, id, source, estimateBytes(source));
    }

    /** A delete of the document a tombstone's key names, in the index its timestamp selects. */
    Document toDelete(SinkRecord record) {
        long millis = record.timestamp() != null ? record.timestamp() : System.currentTimeMillis();
        String index = indexTemplate.render(new IndexNameTemplate.Values(record.topic(), record.topic(), sensitivity(record), millis));
        String id = record.key() != null ? String.valueOf(record.key()) : fallbackId(record);
        return new Document(record, index, id, null, 64);
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

    static Map<String, Object> spanDocument(AgentEvent e) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("traceId", e.traceId());
        d.put("spanId", e.spanId());
        d.put("parentSpanId", e.parentSpanId() == null ? "" : e.parentSpanId());
        d.put("name", e.name());
        d.put("kind", "SPAN_KIND_" + (e.kind() == null ? "UNSPECIFIED" : e.kind().name()));
        d.put("startTime", isoNanos(e.startTimeUnixNano()));
        d.put("endTime", isoNanos(e.endTimeUnixNano()));
        d.put("durationInNanos", e.durationNanos());
        d.put("serviceName", e.serviceName());
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("code", (e.statusCode() == null ? StatusCode.UNSET : e.statusCode()).ordinal());
        status.put("message", e.statusMessage());
        d.put("status", status);
        d.put("attributes", new LinkedHashMap<>(e.attributes()));
        d.put("resource", Map.of("attributes", new LinkedHashMap<>(e.resourceAttributes())));
        List<Map<String, Object>> events = new ArrayList<>();
        for (SpanEvent se : e.events()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", se.name());
            m.put("time", isoNanos(se.timeUnixNano()));
            m.put("attributes", new LinkedHashMap<>(se.attributes()));
            events.add(m);
        }
        d.put("events", events);
        d.put("instrumentationScope", scope(e));
        return d;
    }

    static Map<String, Object> logDocument(AgentEvent e) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("time", isoNanos(e.startTimeUnixNano()));
        d.put("traceId", e.traceId());
        d.put("spanId", e.spanId());
        d.put("severityText", e.severityText());
        d.put("severityNumber", e.severityNumber());
        d.put("body", e.body());
        d.put("name", e.name());
        d.put("serviceName", e.serviceName());
        d.put("attributes", new LinkedHashMap<>(e.attributes()));
        d.put("resource", Map.of("attributes", new LinkedHashMap<>(e.resourceAttributes())));
        d.put("instrumentationScope", scope(e));
        if (e.source() != null) {
            d.put("source", Map.of("file", e.source().file(), "offset", e.source().offset(), "format", e.source().format()));
        }
        return d;
    }

    private static Map<String, Object> scope(AgentEvent e) {
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("name", e.scopeName());
        scope.put("version", e.scopeVersion());
        return scope;
    }

    /** RFC 3339 with nanoseconds, as date_nanos fields take it. */
    static String isoNanos(Long nanos) {
        if (nanos == null) {
            return null;
        }
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)).toString();
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

    /** The record's class from the masking header; an unclassified record counts as restricted. */
    /**
     * What the pipeline knows about the event, for the shipped dashboards: its sensitivity class, what the masking
     * transform found (types and total, from its header; never values), where it came from in Kafka, and how long
     * after its Kafka timestamp it was indexed (ingest lag).
     */
    private Map<String, Object> pipelineFields(SinkRecord record, String sensitivity) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sensitivity", sensitivity);
        List<String> types = new ArrayList<>();
        long findings = 0;
        String header = record.headers().lastWithName(findingsHeader) == null ? null
                : HeaderValues.text(record.headers().lastWithName(findingsHeader));
        if (header != null) {
            for (String pair : header.split(",")) {
                int colon = pair.lastIndexOf(':');
                if (colon > 0) {
                    types.add(pair.substring(0, colon).trim());
                    try {
                        findings += Long.parseLong(pair.substring(colon + 1).trim());
                    } catch (NumberFormatException e) {
                        findings++;
                    }
                }
            }
        }
        m.put("findingTypes", types);
        m.put("findingCount", findings);
        if (record.timestamp() != null) {
            m.put("ingestLagMs", Math.max(0, System.currentTimeMillis() - record.timestamp()));
        }
        m.put("kafka", Map.of("topic", record.topic(), "partition", record.kafkaPartition(), "offset", record.kafkaOffset()));
        return m;
    }

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

    /** Rough size for bulk request bounds: strings dominate, so count their characters. */
    private static int estimateBytes(Object v) {
        if (v instanceof Map) {
            int n = 2;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                n += String.valueOf(e.getKey()).length() + 4 + estimateBytes(e.getValue());
            }
            return n;
        }
        if (v instanceof List) {
            int n = 2;
            for (Object o : (List<?>) v) {
                n += estimateBytes(o) + 1;
            }
            return n;
        }
        return v == null ? 4 : String.valueOf(v).length() + 2;
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
