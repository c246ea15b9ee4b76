package io.agenttelemetry.connect.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;

import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.AgentEventAvro;
import io.agenttelemetry.connect.model.AgentEventConnect;
import io.agenttelemetry.connect.model.AgentEventMaps;

/**
 * Avro object container files with the event model's schema ({@code agent-event.avsc}), readable by any Avro reader
 * (Spark, Athena, DuckDB). Values are agent events, as Structs with the model's schema or as schemaless maps; any
 * other value is a DataException, so it goes to the dead letter queue when one is set.
 */
final class AvroFormat implements ObjectFormat {
    private final S3ArchiveSinkConfig.AvroCodec codec;

    AvroFormat(S3ArchiveSinkConfig.AvroCodec codec) {
        this.codec = codec;
    }

    @Override
    public Encoder newEncoder() {
        return new AvroEncoder();
    }

    /** One Avro object container file; records are encoded here first, so their size is known for the memory bound. */
    private final class AvroEncoder extends InMemoryEncoder {
        private final DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(AgentEventAvro.SCHEMA));
        private final GenericDatumWriter<GenericRecord> datumWriter = new GenericDatumWriter<>(AgentEventAvro.SCHEMA);
        private final ByteArrayOutputStream datum = new ByteArrayOutputStream(4096);
        private BinaryEncoder encoder;
        /** Bytes in the writer's current block, not yet in bytes: counted so the memory bound sees them. */
        private long pending;

        AvroEncoder() {
            writer.setCodec(codecFactory());
            try {
                writer.create(AgentEventAvro.SCHEMA, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void append(SinkRecord r) {
            GenericRecord record = AgentEventAvro.toRecord(event(r));
            try {
                datum.reset();
                encoder = EncoderFactory.get().binaryEncoder(datum, encoder);
                datumWriter.write(record, encoder);
                encoder.flush();
                long before = bytes.size();
                writer.appendEncoded(ByteBuffer.wrap(datum.toByteArray()));
                pending = bytes.size() > before ? 0 : pending + datum.size();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public long size() {
            return bytes.size() + pending;
        }

        @Override
        protected void close() throws IOException {
            writer.close();
            pending = 0;
        }
    }

    private CodecFactory codecFactory() {
        switch (codec) {
            case NULL: return CodecFactory.nullCodec();
            case SNAPPY: return CodecFactory.snappyCodec();
            case ZSTANDARD: return CodecFactory.zstandardCodec(3);
            default: return CodecFactory.deflateCodec(6);
        }
    }

    private static AgentEvent event(SinkRecord r) {
        Object v = r.value();
        try {
            if (v instanceof Struct && AgentEventConnect.SCHEMA_NAME.equals(((Struct) v).schema().name())) {
                return AgentEventConnect.fromStruct((Struct) v);
            }
            if (v instanceof Map && AgentEventMaps.isAgentEvent((Map<?, ?>) v)) {
                return AgentEventMaps.fromMap((Map<?, ?>) v);
            }
        } catch (RuntimeException e) {
            throw new DataException("the value at " + where(r) + " is not a valid agent event: " + e.getMessage(), e);
        }
        throw new DataException("format=avro writes agent events; the value at " + where(r) + " is not one ("
                + (v == null ? "null" : v.getClass().getSimpleName()) + ")");
    }

    private static String where(SinkRecord r) {
        return r.topic() + "-" + r.kafkaPartition() + "@" + r.kafkaOffset();
    }

    @Override
    public String extension() {
        return ".avro";
    }

    @Override
    public String contentType() {
        return "application/avro";
    }

    @Override
    public String contentEncoding() {
        return null;
    }
}
