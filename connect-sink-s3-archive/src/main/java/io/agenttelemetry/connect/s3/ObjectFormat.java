package io.agenttelemetry.connect.s3;

import org.apache.kafka.connect.sink.SinkRecord;

/** How records become one object's bytes: JSON Lines (optionally compressed) or an Avro object container file. */
interface ObjectFormat {

    /** Builds one object. */
    interface Encoder {
        /** @throws org.apache.kafka.connect.errors.DataException if this format cannot hold the record's value */
        void append(SinkRecord record);

        /** Bytes so far (compressed bytes as the compressor has flushed them): what the open object holds in memory. */
        long size();

        /**
         * Takes the bytes encoded so far out of memory (for a part of a multipart upload); the encoder goes on
         * where it was, so the parts concatenated with {@link #finish()} make the object.
         */
        EncodedBytes drain();

        /**
         * Ends the object and returns its bytes not yet drained; the same on every call, so a failed upload is
         * retried as it was.
         */
        EncodedBytes finish();
    }

    Encoder newEncoder();

    /** File extension of the objects, e.g. {@code .jsonl.gz}. */
    String extension();

    String contentType();

    /** Content-Encoding header, or null. */
    String contentEncoding();

    static ObjectFormat of(S3ArchiveSinkConfig.Format format, S3ArchiveSinkConfig.Compression compression,
                           S3ArchiveSinkConfig.AvroCodec codec) {
        return format == S3ArchiveSinkConfig.Format.AVRO ? new AvroFormat(codec) : new JsonLinesFormat(compression);
    }
}
