package io.agenttelemetry.connect.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.connect.data.Field;
import org.junit.jupiter.api.Test;

class AgentEventAvroTest {

    static AgentEvent throughAvroBinary(AgentEvent event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(AgentEventAvro.SCHEMA).write(AgentEventAvro.toRecord(event), encoder);
        encoder.flush();
        GenericRecord read = new GenericDatumReader<GenericRecord>(AgentEventAvro.SCHEMA)
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        return AgentEventAvro.fromRecord(read);
    }

    @Test
    void spanRoundTripsThroughAvroBinary() throws IOException {
        AgentEvent span = SampleEvents.toolCallSpan();
        assertEquals(span, throughAvroBinary(span));
    }

    @Test
    void logRoundTripsThroughAvroBinary() throws IOException {
        AgentEvent log = SampleEvents.logRecord();
        assertEquals(log, throughAvroBinary(log));
    }

    @Test
    void connectSchemaMatchesTheAvroContract() {
        assertEquals(fieldShapes(AgentEventAvro.SCHEMA), fieldShapes(AgentEventConnect.SCHEMA));
    }

    @Test
    void everyAddedFieldHasADefaultSoOldDataStillReads() {
        // The evolution rule: only schemaVersion and eventType are required; everything else must default.
        for (Schema.Field f : AgentEventAvro.SCHEMA.getFields()) {
            if (!f.name().equals("eventType")) {
                assertEquals(true, f.hasDefaultValue(), f.name() + " has no default");
            }
        }
    }

    @Test
    void readsDataWrittenWithAnOlderSchemaThatLackedLaterFields() throws IOException {
        // A writer schema with only the first fields, as an earlier model version would have had.
        Schema older = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"AgentEvent\","
                + "\"namespace\":\"io.agenttelemetry.connect.model\",\"fields\":["
                + "{\"name\":\"schemaVersion\",\"type\":\"int\"},{\"name\":\"eventType\",\"type\":\"string\"},"
                + "{\"name\":\"traceId\",\"type\":[\"null\",\"string\"],\"default\":null}]}");
        org.apache.avro.generic.GenericData.Record r = new org.apache.avro.generic.GenericData.Record(older);
        r.put("schemaVersion", 0);
        r.put("eventType", "SPAN");
        r.put("traceId", "abc");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(older).write(r, encoder);
        encoder.flush();
        GenericRecord read = new GenericDatumReader<GenericRecord>(older, AgentEventAvro.SCHEMA)
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        AgentEvent e = AgentEventAvro.fromRecord(read);
        assertEquals("abc", e.traceId());
        assertEquals(0, e.schemaVersion());
        assertEquals(0, e.attributes().size());
    }

    /** name:optional:type for every field, nested records included. */
    private static List<String> fieldShapes(Schema avro) {
        List<String> out = new ArrayList<>();
        for (Schema.Field f : avro.getFields()) {
            Schema s = f.schema();
            boolean optional = s.getType() == Schema.Type.UNION;
            Schema inner = optional ? s.getTypes().get(1) : s;
            out.add(f.name() + ":" + optional + ":" + inner.getType().getName());
            if (inner.getType() == Schema.Type.RECORD) {
                out.addAll(prefixed(f.name(), fieldShapes(inner)));
            } else if (inner.getType() == Schema.Type.ARRAY && inner.getElementType().getType() == Schema.Type.RECORD) {
                out.addAll(prefixed(f.name(), fieldShapes(inner.getElementType())));
            }
        }
        return out;
    }

    private static List<String> fieldShapes(org.apache.kafka.connect.data.Schema connect) {
        List<String> out = new ArrayList<>();
        for (Field f : connect.fields()) {
            org.apache.kafka.connect.data.Schema s = f.schema();
            out.add(f.name() + ":" + s.isOptional() + ":" + avroTypeName(s.type()));
            if (s.type() == org.apache.kafka.connect.data.Schema.Type.STRUCT) {
                out.addAll(prefixed(f.name(), fieldShapes(s)));
            } else if (s.type() == org.apache.kafka.connect.data.Schema.Type.ARRAY
                    && s.valueSchema().type() == org.apache.kafka.connect.data.Schema.Type.STRUCT) {
                out.addAll(prefixed(f.name(), fieldShapes(s.valueSchema())));
            }
        }
        return out;
    }

    private static String avroTypeName(org.apache.kafka.connect.data.Schema.Type t) {
        switch (t) {
            case INT32: return "int";
            case INT64: return "long";
            case STRING: return "string";
            case STRUCT: return "record";
            case MAP: return "map";
            case ARRAY: return "array";
            default: return t.getName();
        }
    }

    private static List<String> prefixed(String prefix, List<String> shapes) {
        List<String> out = new ArrayList<>();
        shapes.forEach(s -> out.add(prefix + "." + s));
        return out;
    }
}
