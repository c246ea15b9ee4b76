package io.agenttelemetry.connect.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;

import io.agenttelemetry.connect.model.AgentEventConnect;
import io.agenttelemetry.connect.model.EventSource;
import io.agenttelemetry.connect.model.EventType;
import io.agenttelemetry.connect.model.HexIds;
import io.agenttelemetry.connect.model.SpanKind;
import io.agenttelemetry.connect.model.StatusCode;

/**
 * An agent event's JSON as ByteArrayConverter hands it to the sink, read once for where each value lies in the
 * bytes, so that {@link DocumentJson} can copy strings and attribute maps into the document as the escaped UTF-8
 * they already are. Reading the JSON into maps and an {@code AgentEvent}, then escaping every string again, was
 * most of the task's time per record. {@link #read} gives up (null) wherever {@code AgentEventMaps} could read the
 * event differently (a value of another type than the model's, a name twice, a line break inside an attribute map),
 * and the record is then mapped the general way.
 */
final class EventBytes {
    /** Field names interned (as by default), so a name read twice is the same instance. */
    private static final JsonFactory JSON = JsonFactory.builder().enable(JsonFactory.Feature.INTERN_FIELD_NAMES).build();
    private static final NotTaken NOT_TAKEN = new NotTaken();
    /**
     * The event's fields in the order the source and JsonConverter write them: the struct schema's. The parser
     * compares the next name with the one expected, byte for byte, instead of hashing it and looking it up (a quarter
     * of reading an event); a name out of this order is read the usual way.
     */
    private static final SerializedString[] FIELD_ORDER = AgentEventConnect.SCHEMA.fields().stream()
            .map(f -> new SerializedString(f.name())).toArray(SerializedString[]::new);
    private static final Map<String, Integer> FIELD_INDEX = IntStream.range(0, FIELD_ORDER.length).boxed()
            .collect(Collectors.toMap(i -> FIELD_ORDER[i].getValue(), i -> i));

    /** Part of the event's bytes: a string's content without its quotes, or a whole JSON object. */
    static final class Slice {
        final byte[] bytes;
        final int from;
        final int length;

        Slice(byte[] bytes, int from, int length) {
            this.bytes = bytes;
            this.from = from;
            this.length = length;
        }

        /** The string this slice holds the content of. */
        String text() {
            try (JsonParser p = JSON.createParser(bytes, from - 1, length + 2)) {
                p.nextToken();
                return p.getText();
            } catch (IOException e) {
                throw new IllegalStateException("a string read before no longer reads", e);
            }
        }
    }

    /** An event within a span; its name null where the event has none (written as the word, as the model does). */
    static final class SpanEventSlices {
        Slice name;
        Long timeUnixNano;
        Slice attributes;
    }

    /** Where the event was read. */
    static final class SourceSlices {
        Slice file;
        long offset;
        Slice format;
    }

    private static final class NotTaken extends Exception {
        NotTaken() {
            super(null, null, false, false);
        }
    }

    private final byte[] bytes;
    EventType type;
    String traceId;
    String spanId;
    String parentSpanId;
    Slice name;
    SpanKind kind;
    Long startTimeUnixNano;
    Long endTimeUnixNano;
    StatusCode statusCode;
    Slice statusMessage;
    Slice serviceName;
    Slice scopeName;
    Slice scopeVersion;
    Slice resourceAttributes;
    Slice attributes;
    final List<SpanEventSlices> events = new ArrayList<>(0);
    Slice severityText;
    Integer severityNumber;
    Slice body;
    SourceSlices source;

    private EventBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The event in these bytes, or null if they are not an agent event this reader takes as it is. */
    static EventBytes read(byte[] json) {
        EventBytes event = new EventBytes(json);
        try (JsonParser p = JSON.createParser(json)) {
            event.readEvent(p);
        } catch (IOException | NotTaken | RuntimeException e) {
            return null;
        }
        return event.type == null ? null : event;
    }

    String bodyText() {
        return text(body);
    }

    EventSource eventSource() {
        return source == null ? null : EventSource.create(text(source.file), source.offset, text(source.format));
    }

    private static String text(Slice s) {
        return s == null ? null : s.text();
    }

    private void readEvent(JsonParser p) throws IOException, NotTaken {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw NOT_TAKEN;
        }
        int[] seen = {0};
        int expected = 0;
        while (true) {
            String field;
            if (expected < FIELD_ORDER.length && p.nextFieldName(FIELD_ORDER[expected])) {
                field = FIELD_ORDER[expected++].getValue();
            } else if (p.currentToken() == JsonToken.FIELD_NAME) {
                field = p.currentName();
                expected = FIELD_INDEX.getOrDefault(field, expected - 1) + 1;
            } else {
                break;
            }
            JsonToken t = p.nextToken();
            switch (field) {
                case "eventType": first(seen, 0); type = enumValue(EventType.class, p, t); break;
                case "traceId": first(seen, 1); traceId = id(p, t); break;
                case "spanId": first(seen, 2); spanId = id(p, t); break;
                case "parentSpanId": first(seen, 3); parentSpanId = id(p, t); break;
                case "name": first(seen, 4); name = string(p, t); break;
                case "kind": first(seen, 5); kind = enumValue(SpanKind.class, p, t); break;
                case "startTimeUnixNano": first(seen, 6); startTimeUnixNano = number(p, t); break;
                case "endTimeUnixNano": first(seen, 7); endTimeUnixNano = number(p, t); break;
                case "statusCode": first(seen, 8); statusCode = enumValue(StatusCode.class, p, t); break;
                case "statusMessage": first(seen, 9); statusMessage = string(p, t); break;
                case "serviceName": first(seen, 10); serviceName = string(p, t); break;
                case "scopeName": first(seen, 11); scopeName = string(p, t); break;
                case "scopeVersion": first(seen, 12); scopeVersion = string(p, t); break;
                case "resourceAttributes": first(seen, 13); resourceAttributes = stringMap(p, t); break;
                case "attributes": first(seen, 14); attributes = stringMap(p, t); break;
                case "events": first(seen, 15); readSpanEvents(p, t); break;
                case "severityText": first(seen, 16); severityText = string(p, t); break;
                case "severityNumber": first(seen, 17); severityNumber = severityNumber(p, t); break;
                case "body": first(seen, 18); body = string(p, t); break;
                case "source": first(seen, 19); source = readSource(p, t); break;
                default: p.skipChildren(); // schemaVersion, durationNanos (derived), fields of later versions
            }
        }
    }

    private void readSpanEvents(JsonParser p, JsonToken t) throws IOException, NotTaken {
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        expect(t, JsonToken.START_ARRAY);
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            expect(e, JsonToken.START_OBJECT);
            SpanEventSlices event = new SpanEventSlices();
            int[] seen = {0};
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "name": first(seen, 0); event.name = string(p, v); break;
                    case "timeUnixNano": first(seen, 1); event.timeUnixNano = number(p, v); break;
                    case "attributes": first(seen, 2); event.attributes = stringMap(p, v); break;
                    default: p.skipChildren();
                }
            }
            events.add(event);
        }
    }

    private SourceSlices readSource(JsonParser p, JsonToken t) throws IOException, NotTaken {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(t, JsonToken.START_OBJECT);
        SourceSlices s = new SourceSlices();
        Long offset = null;
        int[] seen = {0};
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "file": first(seen, 0); s.file = string(p, v); break;
                case "offset": first(seen, 1); offset = number(p, v); break;
                case "format": first(seen, 2); s.format = string(p, v); break;
                default: p.skipChildren();
            }
        }
        if (offset == null || s.file == null || s.format == null) {
            throw NOT_TAKEN; // the model requires all three
        }
        s.offset = offset;
        return s;
    }

    /** Marks a field of the model as read; read twice, the maps would keep the last value: left to them. */
    private static void first(int[] seen, int field) throws NotTaken {
        int bit = 1 << field;
        if ((seen[0] & bit) != 0) {
            throw NOT_TAKEN;
        }
        seen[0] |= bit;
    }

    private static void expect(JsonToken actual, JsonToken expected) throws NotTaken {
        if (actual != expected) {
            throw NOT_TAKEN;
        }
    }

    /** A string's content as it is in the bytes; the parser skips it without decoding. */
    private Slice string(JsonParser p, JsonToken t) throws NotTaken {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(t, JsonToken.VALUE_STRING);
        int open = (int) p.currentTokenLocation().getByteOffset();
        int i = open + 1;
        while (i < bytes.length && bytes[i] != '"') {
            i += bytes[i] == '\\' ? 2 : 1;
        }
        if (i >= bytes.length || bytes[open] != '"') {
            throw NOT_TAKEN;
        }
        return new Slice(bytes, open + 1, i - open - 1);
    }

    /** An object of strings (or nulls), as it is in the bytes: it goes into the document in one copy. */
    private Slice stringMap(JsonParser p, JsonToken t) throws IOException, NotTaken {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(t, JsonToken.START_OBJECT);
        JsonLocation start = p.currentTokenLocation();
        int open = (int) start.getByteOffset();
        int line = start.getLineNr();
        List<String> names = new ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_OBJECT; e = p.nextToken()) {
            String key = p.currentName();
            // Copied as it is, a key twice would be a document OpenSearch refuses; the maps keep the last value.
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i) == key) { // interned
                    throw NOT_TAKEN;
                }
            }
            names.add(key);
            JsonToken v = p.nextToken();
            if (v != JsonToken.VALUE_STRING && v != JsonToken.VALUE_NULL) {
                throw NOT_TAKEN;
            }
        }
        JsonLocation end = p.currentTokenLocation();
        // A bulk request holds one document per line: a map spread over lines cannot be copied as it is. (Strings
        // hold no raw line breaks, and the parser counts those between tokens.)
        if (end.getLineNr() != line) {
            throw NOT_TAKEN;
        }
        int close = (int) end.getByteOffset();
        return new Slice(bytes, open, close - open + 1);
    }

    private static String id(JsonParser p, JsonToken t) throws IOException, NotTaken {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(t, JsonToken.VALUE_STRING);
        return HexIds.normalize(p.getText());
    }

    private static Long number(JsonParser p, JsonToken t) throws IOException, NotTaken {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(t, JsonToken.VALUE_NUMBER_INT);
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw NOT_TAKEN;
        }
        return p.getLongValue();
    }

    private static Integer severityNumber(JsonParser p, JsonToken t) throws IOException, NotTaken {
        Long n = number(p, t);
        return n == null ? null : n.intValue();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, JsonParser p, JsonToken t) throws IOException, NotTaken {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(t, JsonToken.VALUE_STRING);
        try {
            return Enum.valueOf(type, p.getText());
        } catch (IllegalArgumentException e) {
            throw NOT_TAKEN;
        }
    }
}
