package io.agenttelemetry.connect.s3;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdOutputStream;

import io.agenttelemetry.connect.model.ConnectValues;

/** One value per line (Struct, Map, List or scalar values as JSON, a null value as {@code null}, bytes as they are), uncompressed, gzip or zstd. */
final class JsonLinesFormat implements ObjectFormat {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] NULL = "null".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final S3ArchiveSinkConfig.Compression compression;

    JsonLinesFormat(S3ArchiveSinkConfig.Compression compression) {
        this.compression = compression;
    }

    @Override
    public Encoder newEncoder() {
        return new InMemoryEncoder() {
            private final OutputStream out = compressed(bytes);

            @Override
            public void append(SinkRecord r) {
                try {
                    out.write(line(r.value()));
                    out.write('\n');
                } catch (JsonProcessingException e) {
                    throw new DataException("cannot write the value at " + r.topic() + "-" + r.kafkaPartition() + "@"
                            + r.kafkaOffset() + " as JSON", e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            protected void close() throws IOException {
                out.close();
            }
        };
    }

    /**
     * A value as one line: bytes as they are (a topic of JSON read with ByteArrayConverter is archived byte for byte,
     * without decoding and encoding each record), anything else as JSON.
     */
    private static byte[] line(Object value) throws JsonProcessingException {
        if (value == null) {
            return NULL;
        }
        if (value instanceof byte[]) {
            return (byte[]) value;
        }
        return JSON.writeValueAsBytes(ConnectValues.toPlain(value));
    }

    private OutputStream compressed(OutputStream bytes) {
        try {
            switch (compression) {
                case GZIP: return new GZIPOutputStream(bytes, 64 * 1024);
                case ZSTD: return new ZstdOutputStream(bytes, 3);
                default: return bytes;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String extension() {
        switch (compression) {
            case GZIP: return ".jsonl.gz";
            case ZSTD: return ".jsonl.zst";
            default: return ".jsonl";
        }
    }

    @Override
    public String contentType() {
        return "application/x-ndjson";
    }

    @Override
    public String contentEncoding() {
        switch (compression) {
            case GZIP: return "gzip";
            case ZSTD: return "zstd";
            default: return null;
        }
    }
}
