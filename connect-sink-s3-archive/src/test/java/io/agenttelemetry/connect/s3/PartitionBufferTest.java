package io.agenttelemetry.connect.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.SeekableByteArrayInput;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdInputStream;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.AgentEventAvro;
import io.agenttelemetry.connect.model.AgentEventConnect;
import io.agenttelemetry.connect.model.ConnectValues;
import io.agenttelemetry.connect.model.EventType;
import io.agenttelemetry.connect.model.SpanKind;
import io.agenttelemetry.connect.model.StatusCode;

class PartitionBufferTest {
    private static SinkRecord record(long offset, Object value) {
        return new SinkRecord("t", 0, null, null, null, value, offset);
    }

    static AgentEvent event(int i) {
        return AgentEvent.builder(EventType.SPAN).traceId(String.format("%032x", i)).spanId(String.format("%016x", i + 1))
                .name("execute_tool search_web").kind(SpanKind.INTERNAL).statusCode(StatusCode.OK)
                .startTimeUnixNano(1_764_151_200_000_000_000L + i).endTimeUnixNano(1_764_151_200_500_000_000L + i)
                .attribute("gen_ai.tool.name", "search_web").build();
    }

    private static List<String> lines(InputStream in) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().collect(Collectors.toList());
        }
    }

    @ParameterizedTest
    @EnumSource(S3ArchiveSinkConfig.Compression.class)
    void jsonLinesObjectsReadBackWithTheStandardReadersLineByLine(S3ArchiveSinkConfig.Compression compression) throws IOException {
        PartitionBuffer b = new PartitionBuffer(new JsonLinesFormat(compression), "k", 10, 0, 0);
        for (int i = 10; i < 20; i++) {
            b.append(record(i, Map.of("n", i)));
        }
        assertEquals(10, b.count());
        assertEquals(10, b.startOffset());
        assertEquals(19, b.endOffset());
        EncodedBytes finished = b.finish();
        assertSame(finished, b.finish(), "a retried upload sends the very same bytes");
        byte[] body = finished.toByteArray();
        assertTrue(b.sealed());
        InputStream raw = new ByteArrayInputStream(body);
        InputStream in = compression == S3ArchiveSinkConfig.Compression.GZIP ? new GZIPInputStream(raw)
                : compression == S3ArchiveSinkConfig.Compression.ZSTD ? new ZstdInputStream(raw) : raw;
        List<String> lines = lines(in);
        assertEquals(10, lines.size());
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < 10; i++) {
            JsonNode n = json.readTree(lines.get(i));
            assertEquals(10 + i, n.get("n").asInt());
        }
    }

    @Test
    void nullValuesAreJsonNullLinesAndBytesAreWrittenAsTheyAre() {
        PartitionBuffer b = new PartitionBuffer(new JsonLinesFormat(S3ArchiveSinkConfig.Compression.NONE), "k", 0, 0, 1000);
        b.append(record(0, 1));
        b.append(record(1, null));
        b.append(record(2, "{\"raw\":true}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("1\nnull\n{\"raw\":true}\n", new String(b.finish().toByteArray(), StandardCharsets.UTF_8));
        assertEquals(500, b.ageMillis(1500));
    }

    @ParameterizedTest
    @EnumSource(S3ArchiveSinkConfig.AvroCodec.class)
    void avroObjectsReadBackWithDataFileReaderAsTheSameEvents(S3ArchiveSinkConfig.AvroCodec codec) throws IOException {
        PartitionBuffer b = new PartitionBuffer(new AvroFormat(codec), "k", 0, 0, 0);
        List<AgentEvent> written = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            AgentEvent e = event(i);
            written.add(e);
            // Structs (schema-aware converters) and maps (schemaless JSON) are both agent events.
            Object value = i % 2 == 0 ? AgentEventConnect.toStruct(e) : ConnectValues.toPlain(AgentEventConnect.toStruct(e));
            b.append(new SinkRecord("t", 0, null, null, i % 2 == 0 ? AgentEventConnect.SCHEMA : null, value, i));
        }
        List<AgentEvent> read = new ArrayList<>();
        try (DataFileReader<GenericRecord> r = new DataFileReader<>(new SeekableByteArrayInput(b.finish().toByteArray()), new GenericDatumReader<>())) {
            assertEquals(AgentEventAvro.SCHEMA, r.getSchema());
            r.forEach(g -> read.add(AgentEventAvro.fromRecord(g)));
        }
        assertEquals(written, read);
    }

    @Test
    void avroRefusesValuesThatAreNotAgentEventsAndKeepsNothingOfThem() {
        PartitionBuffer b = new PartitionBuffer(new AvroFormat(S3ArchiveSinkConfig.AvroCodec.DEFLATE), "k", 0, 0, 0);
        assertThrows(DataException.class, () -> b.append(record(0, Map.of("n", 1))));
        assertEquals(0, b.count());
    }

    @Test
    void anAvroObjectCountsTheRecordsOfItsOpenBlockSoTheMemoryBoundSeesThem() {
        PartitionBuffer b = new PartitionBuffer(new AvroFormat(S3ArchiveSinkConfig.AvroCodec.DEFLATE), "k", 0, 0, 0);
        long header = b.size();
        for (int i = 0; i < 20; i++) {
            b.append(new SinkRecord("t", 0, null, null, AgentEventConnect.SCHEMA, AgentEventConnect.toStruct(event(i)), i));
        }
        assertTrue(b.size() > header + 20 * 50, "size " + b.size() + " after 20 events, header " + header);
    }

    /** Uploads parts as they would go: every few records, one failing once, so it is offered again unchanged. */
    private static byte[] writtenInParts(PartitionBuffer b, List<SinkRecord> records) {
        java.io.ByteArrayOutputStream object = new java.io.ByteArrayOutputStream();
        for (SinkRecord r : records) {
            b.append(r);
            if (r.kafkaOffset() % 7 == 6) {
                long held = b.size();
                EncodedBytes part = b.nextPart();
                assertSame(part, b.nextPart(), "a part not acknowledged is offered again as it was");
                assertEquals(held, b.size(), "an unacknowledged part still counts as memory");
                object.writeBytes(part.toByteArray());
                b.partUploaded("etag");
                assertTrue(part.isEmpty() || b.size() < held, "an acknowledged part leaves memory");
            }
        }
        object.writeBytes(b.finish().toByteArray());
        b.partUploaded("etag");
        assertEquals(object.size(), b.objectSize());
        return object.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(S3ArchiveSinkConfig.Compression.class)
    void jsonLinesPartsConcatenatedAreTheObject(S3ArchiveSinkConfig.Compression compression) throws IOException {
        List<SinkRecord> records = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            records.add(record(i, Map.of("n", i, "pad", "x".repeat(i * 10))));
        }
        byte[] object = writtenInParts(new PartitionBuffer(new JsonLinesFormat(compression), "k", 0, 0, 0), records);
        InputStream in = new ByteArrayInputStream(object);
        List<String> lines = lines(compression == S3ArchiveSinkConfig.Compression.GZIP ? new GZIPInputStream(in)
                : compression == S3ArchiveSinkConfig.Compression.ZSTD ? new ZstdInputStream(in) : in);
        assertEquals(40, lines.size());
        for (int i = 0; i < 40; i++) {
            assertEquals(i, new ObjectMapper().readTree(lines.get(i)).get("n").asInt());
        }
    }

    @Test
    void avroPartsConcatenatedAreOneContainerFile() throws IOException {
        List<SinkRecord> records = new ArrayList<>();
        List<AgentEvent> written = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            written.add(event(i));
            records.add(new SinkRecord("t", 0, null, null, AgentEventConnect.SCHEMA, AgentEventConnect.toStruct(event(i)), i));
        }
        byte[] object = writtenInParts(new PartitionBuffer(new AvroFormat(S3ArchiveSinkConfig.AvroCodec.SNAPPY), "k", 0, 0, 0), records);
        List<AgentEvent> read = new ArrayList<>();
        try (DataFileReader<GenericRecord> r = new DataFileReader<>(new SeekableByteArrayInput(object), new GenericDatumReader<>())) {
            r.forEach(g -> read.add(AgentEventAvro.fromRecord(g)));
        }
        assertEquals(written, read);
    }
}
