package io.agenttelemetry.connect.s3;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

import io.agenttelemetry.connect.aws.AwsCredentialsConfig;
import io.agenttelemetry.connect.model.Sensitivity;
import io.agenttelemetry.connect.model.config.ConfigValidators;
import io.agenttelemetry.connect.model.config.EnumConfig;

/** Configuration of {@link S3ArchiveSinkConnector}. */
public final class S3ArchiveSinkConfig extends AbstractConfig {
    public static final String BUCKET_CONFIG = "s3.bucket.name";
    public static final String REGION_CONFIG = "s3.region";
    public static final String ENDPOINT_CONFIG = "s3.endpoint";
    public static final String PATH_STYLE_CONFIG = "s3.path.style.access.enabled";
    public static final String FORMAT_CONFIG = "format";
    public static final String COMPRESSION_CONFIG = "compression";
    public static final String PATH_TEMPLATE_CONFIG = "path.template";
    public static final String FLUSH_SIZE_CONFIG = "flush.size";
    public static final String FLUSH_BYTES_CONFIG = "flush.bytes";
    public static final String ROTATE_SCHEDULE_INTERVAL_MS_CONFIG = "rotate.schedule.interval.ms";
    public static final String BEHAVIOR_ON_NULL_VALUES_CONFIG = "behavior.on.null.values";
    public static final String AVRO_CODEC_CONFIG = "avro.codec";
    public static final String TIMEZONE_CONFIG = "timezone";
    public static final String ROTATE_INTERVAL_MS_CONFIG = "rotate.interval.ms";
    public static final String BUFFER_MAX_BYTES_CONFIG = "buffer.max.bytes";
    public static final String SSE_ALGORITHM_CONFIG = "s3.sse.algorithm";
    public static final String SSE_KMS_KEY_ID_CONFIG = "s3.sse.kms.key.id";
    public static final String OBJECT_TAGS_CONFIG = "s3.object.tags";
    public static final String SENSITIVITY_HEADER_CONFIG = "sensitivity.header.name";
    public static final String PART_SIZE_CONFIG = "s3.part.size";
    public static final String PART_UPLOAD_THREADS_CONFIG = "s3.part.upload.threads";

    /** S3's smallest part of a multipart upload (except the last). */
    static final int MIN_PART_SIZE = 5 * 1024 * 1024;

    /** Object formats. */
    public enum Format { JSONL, AVRO }

    /** Compression of JSON Lines objects. */
    public enum Compression { NONE, GZIP, ZSTD }

    /** Block codec of Avro objects. */
    public enum AvroCodec { NULL, DEFLATE, SNAPPY, ZSTANDARD }

    /** Server-side encryption. */
    public enum SseAlgorithm { NONE, AES256, AWS_KMS }

    /** What to do with a record whose value is null. */
    public enum BehaviorOnNullValues { IGNORE, WRITE, FAIL }

    private static final String S3 = "S3";
    private static final String OBJECTS = "Objects";
    private static final String ROTATION = "Rotation";

    public static final ConfigDef CONFIG_DEF = AwsCredentialsConfig.define(new ConfigDef()
            .define(BUCKET_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Bucket to write to; it must exist.", S3, 1, Width.MEDIUM, "Bucket")
            .define(REGION_CONFIG, Type.STRING, "us-east-1", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "AWS region of the bucket (any value for most S3-compatible stores).", S3, 2, Width.SHORT, "Region")
            .define(ENDPOINT_CONFIG, Type.STRING, "", Importance.MEDIUM,
                    "Endpoint URL for S3-compatible stores, e.g. http://127.0.0.1:9000; empty for AWS.", S3, 3, Width.LONG, "Endpoint")
            .define(PATH_STYLE_CONFIG, Type.BOOLEAN, false, Importance.LOW,
                    "Address buckets as endpoint/bucket instead of bucket.endpoint; most S3-compatible stores need it.",
                    S3, 4, Width.SHORT, "Path-style access"), S3, 5)
            .define(SSE_ALGORITHM_CONFIG, Type.STRING, "none", EnumConfig.validator(SseAlgorithm.class), Importance.MEDIUM,
                    "Server-side encryption of each object: none (the bucket's default applies), aes256 (SSE-S3) or "
                            + "aws_kms (SSE-KMS, with s3.sse.kms.key.id or the account's default key).",
                    S3, 11, Width.SHORT, "Server-side encryption")
            .define(SSE_KMS_KEY_ID_CONFIG, Type.STRING, "", Importance.LOW,
                    "KMS key id or ARN for s3.sse.algorithm=aws_kms; empty for the AWS managed key.",
                    S3, 12, Width.MEDIUM, "KMS key id")
            .define(OBJECT_TAGS_CONFIG, Type.LIST, "", Importance.LOW,
                    "Tags set on every object as key=value pairs, e.g. sensitivity=restricted,retention=audit, for "
                            + "lifecycle rules and access policies.",
                    S3, 13, Width.LONG, "Object tags")
            .define(FORMAT_CONFIG, Type.STRING, "jsonl", EnumConfig.validator(Format.class), Importance.HIGH,
                    "Object format: jsonl (one value per line; any record: Structs, maps and scalars as JSON, byte "
                            + "arrays as they are, so with value.converter=ByteArrayConverter a JSON topic is archived "
                            + "byte for byte) or avro (Avro object container files "
                            + "with the event model's schema agent-event.avsc; agent events only, others are errors that "
                            + "go to the dead letter queue when errors.tolerance=all).",
                    OBJECTS, 1, Width.SHORT, "Format")
            .define(COMPRESSION_CONFIG, Type.STRING, "gzip", EnumConfig.validator(Compression.class), Importance.MEDIUM,
                    "Compression of jsonl objects: none, gzip or zstd.", OBJECTS, 2, Width.SHORT, "Compression")
            .define(AVRO_CODEC_CONFIG, Type.STRING, "deflate", EnumConfig.validator(AvroCodec.class), Importance.LOW,
                    "Block codec of avro objects: null, deflate, snappy or zstandard.", OBJECTS, 5, Width.SHORT, "Avro codec")
            .define(TIMEZONE_CONFIG, Type.STRING, "UTC", ConfigValidators.zoneId(), Importance.LOW,
                    "Time zone of the date patterns in path.template, e.g. UTC or Europe/Berlin.", OBJECTS, 6, Width.SHORT, "Time zone")
            .define(PATH_TEMPLATE_CONFIG, Type.STRING, "{topic}/dt={yyyy-MM-dd}/hour={HH}/", Importance.MEDIUM,
                    "Key prefix of each object. {topic} and {partition} are the record's; {sensitivity} is its class from "
                            + "the masking header and {agent} its gen_ai.agent.name (an object holds records of one value of "
                            + "these, so a record with another value starts a new object); date patterns in braces such as "
                            + "{yyyy-MM-dd} or {HH} are the first record's timestamp (event time) in the configured "
                            + "timezone. The key ends with "
                            + "{topic}+{partition}+{startOffset}, zero-padded, and the format's extension.",
                    OBJECTS, 3, Width.LONG, "Path template")
            .define(SENSITIVITY_HEADER_CONFIG, Type.STRING, Sensitivity.HEADER, new ConfigDef.NonEmptyString(), Importance.LOW,
                    "Record header holding the sensitivity class for {sensitivity} in path.template; records without it "
                            + "count as restricted.",
                    OBJECTS, 7, Width.MEDIUM, "Sensitivity header")
            .define(BEHAVIOR_ON_NULL_VALUES_CONFIG, Type.STRING, "ignore", EnumConfig.validator(BehaviorOnNullValues.class),
                    Importance.LOW, "Tombstones: ignore them, write them as a JSON null line (jsonl only), or fail the task.",
                    OBJECTS, 4, Width.SHORT, "On null values")
            .define(FLUSH_SIZE_CONFIG, Type.INT, 10_000, ConfigDef.Range.between(1, 10_000_000), Importance.HIGH,
                    "An object is written once it holds this many records.", ROTATION, 1, Width.SHORT, "Flush size")
            .define(FLUSH_BYTES_CONFIG, Type.LONG, 64L * 1024 * 1024, ConfigDef.Range.between(1024, 5L * 1024 * 1024 * 1024),
                    Importance.MEDIUM, "An object is written once it holds this many (compressed) bytes; also bounds the "
                            + "memory each open object takes.", ROTATION, 2, Width.SHORT, "Flush bytes")
            .define(ROTATE_SCHEDULE_INTERVAL_MS_CONFIG, Type.LONG, 60_000L, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                    "An open object is written once it is this old by the wall clock, so idle partitions still reach S3; "
                            + "0 turns this off. Exactly-once holds regardless (see the connector's documentation).",
                    ROTATION, 3, Width.SHORT, "Wall-clock rotation")
            .define(ROTATE_INTERVAL_MS_CONFIG, Type.LONG, 0L, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                    "Event-time rotation: an object holds records of one interval of this length (aligned to the epoch, "
                            + "e.g. 3600000 for hourly objects); a record of a later interval starts a new object. "
                            + "Decided by record timestamps only, so the same records always make the same objects. 0 turns this off.",
                    ROTATION, 4, Width.SHORT, "Event-time rotation")
            .define(BUFFER_MAX_BYTES_CONFIG, Type.LONG, 256L * 1024 * 1024, ConfigDef.Range.between(1024, 64L * 1024 * 1024 * 1024),
                    Importance.MEDIUM, "Bound on the bytes all open objects of a task hold in memory together; when "
                            + "exceeded, the largest open object is written early. Size the worker heap above it.",
                    ROTATION, 5, Width.SHORT, "Buffer memory bound")
            .define(PART_SIZE_CONFIG, Type.INT, 8 * 1024 * 1024, ConfigDef.Range.between(MIN_PART_SIZE, 1024 * 1024 * 1024),
                    Importance.MEDIUM, "An object larger than this goes by multipart upload in parts of this size, "
                            + "uploaded as they fill, so an open object holds at most about one part in memory however "
                            + "large it grows (up to flush.bytes). Smaller objects go in one PUT.",
                    ROTATION, 6, Width.SHORT, "Part size")
            .define(PART_UPLOAD_THREADS_CONFIG, Type.INT, 2, ConfigDef.Range.between(1, 32), Importance.LOW,
                    "Threads uploading parts, and as many writing full objects, in the background while the task goes "
                            + "on encoding records; an object has at most one part in flight, a partition at most one object "
                            + "being written (its next full objects wait their turn), and all of them count against "
                            + "buffer.max.bytes.",
                    ROTATION, 7, Width.SHORT, "Part upload threads");

    final String bucket;
    final String region;
    final String endpoint;
    final boolean pathStyle;
    final AwsCredentialsConfig credentials;
    final Format format;
    final Compression compression;
    final AvroCodec avroCodec;
    final ObjectFormat objectFormat;
    final ObjectKeys keys;
    final long rotateIntervalMs;
    final long bufferMaxBytes;
    final SseAlgorithm sseAlgorithm;
    final String sseKmsKeyId;
    final String objectTags;
    final BehaviorOnNullValues onNull;
    final int flushSize;
    final long flushBytes;
    final long rotateScheduleMs;
    final int partSize;
    final int partUploadThreads;

    public S3ArchiveSinkConfig(Map<String, ?> props) {
        super(CONFIG_DEF, props);
        bucket = getString(BUCKET_CONFIG);
        region = getString(REGION_CONFIG);
        endpoint = getString(ENDPOINT_CONFIG);
        pathStyle = getBoolean(PATH_STYLE_CONFIG);
        credentials = new AwsCredentialsConfig(this);
        format = EnumConfig.parse(Format.class, getString(FORMAT_CONFIG));
        compression = EnumConfig.parse(Compression.class, getString(COMPRESSION_CONFIG));
        avroCodec = EnumConfig.parse(AvroCodec.class, getString(AVRO_CODEC_CONFIG));
        objectFormat = ObjectFormat.of(format, compression, avroCodec);
        keys = ObjectKeys.parse(getString(PATH_TEMPLATE_CONFIG), ZoneId.of(getString(TIMEZONE_CONFIG)), objectFormat.extension(),
                getString(SENSITIVITY_HEADER_CONFIG));
        onNull = EnumConfig.parse(BehaviorOnNullValues.class, getString(BEHAVIOR_ON_NULL_VALUES_CONFIG));
        if (format == Format.AVRO && onNull == BehaviorOnNullValues.WRITE) {
            throw new ConfigException(BEHAVIOR_ON_NULL_VALUES_CONFIG, "write", "avro objects cannot hold null values; use ignore or fail");
        }
        rotateIntervalMs = getLong(ROTATE_INTERVAL_MS_CONFIG);
        bufferMaxBytes = getLong(BUFFER_MAX_BYTES_CONFIG);
        sseAlgorithm = EnumConfig.parse(SseAlgorithm.class, getString(SSE_ALGORITHM_CONFIG));
        sseKmsKeyId = getString(SSE_KMS_KEY_ID_CONFIG).trim();
        objectTags = tags(getList(OBJECT_TAGS_CONFIG));
        flushSize = getInt(FLUSH_SIZE_CONFIG);
        flushBytes = getLong(FLUSH_BYTES_CONFIG);
        rotateScheduleMs = getLong(ROTATE_SCHEDULE_INTERVAL_MS_CONFIG);
        partSize = getInt(PART_SIZE_CONFIG);
        partUploadThreads = getInt(PART_UPLOAD_THREADS_CONFIG);
    }

    /** key=value pairs as the URL-encoded query string S3's tagging header takes; null if none. */
    private static String tags(List<String> pairs) {
        StringBuilder sb = new StringBuilder();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException(OBJECT_TAGS_CONFIG, pair, "expected key=value");
            }
            sb.append(sb.length() > 0 ? "&" : "")
                    .append(URLEncoder.encode(pair.substring(0, eq).trim(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pair.substring(eq + 1).trim(), StandardCharsets.UTF_8));
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
