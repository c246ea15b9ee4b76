package io.agenttelemetry.connect.s3;

import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.types.Password;

import io.agenttelemetry.connect.model.config.EnumConfig;

/** Configuration of {@link S3ArchiveSinkConnector}. */
public final class S3ArchiveSinkConfig extends AbstractConfig {
    public static final String BUCKET_CONFIG = "s3.bucket.name";
    public static final String REGION_CONFIG = "s3.region";
    public static final String ENDPOINT_CONFIG = "s3.endpoint";
    public static final String PATH_STYLE_CONFIG = "s3.path.style.access.enabled";
    public static final String ACCESS_KEY_ID_CONFIG = "aws.access.key.id";
    public static final String SECRET_ACCESS_KEY_CONFIG = "aws.secret.access.key";
    public static final String FORMAT_CONFIG = "format";
    public static final String COMPRESSION_CONFIG = "compression";
    public static final String PATH_TEMPLATE_CONFIG = "path.template";
    public static final String FLUSH_SIZE_CONFIG = "flush.size";
    public static final String FLUSH_BYTES_CONFIG = "flush.bytes";
    public static final String ROTATE_SCHEDULE_INTERVAL_MS_CONFIG = "rotate.schedule.interval.ms";
    public static final String BEHAVIOR_ON_NULL_VALUES_CONFIG = "behavior.on.null.values";

    /** Object formats. */
    public enum Format { JSONL }

    /** Object compression. */
    public enum Compression { NONE, GZIP }

    /** What to do with a record whose value is null. */
    public enum BehaviorOnNullValues { IGNORE, WRITE, FAIL }

    private static final String S3 = "S3";
    private static final String OBJECTS = "Objects";
    private static final String ROTATION = "Rotation";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(BUCKET_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Bucket to write to; it must exist.", S3, 1, Width.MEDIUM, "Bucket")
            .define(REGION_CONFIG, Type.STRING, "us-east-1", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "AWS region of the bucket (any value for most S3-compatible stores).", S3, 2, Width.SHORT, "Region")
            .define(ENDPOINT_CONFIG, Type.STRING, "", Importance.MEDIUM,
                    "Endpoint URL for S3-compatible stores, e.g. http://127.0.0.1:9000; empty for AWS.", S3, 3, Width.LONG, "Endpoint")
            .define(PATH_STYLE_CONFIG, Type.BOOLEAN, false, Importance.LOW,
                    "Address buckets as endpoint/bucket instead of bucket.endpoint; most S3-compatible stores need it.",
                    S3, 4, Width.SHORT, "Path-style access")
            .define(ACCESS_KEY_ID_CONFIG, Type.STRING, "", Importance.MEDIUM,
                    "Static access key id; empty to use the default credential chain (environment, profile, instance role).",
                    S3, 5, Width.MEDIUM, "Access key id")
            .define(SECRET_ACCESS_KEY_CONFIG, Type.PASSWORD, "", Importance.MEDIUM,
                    "Secret key for the static access key id. Use a config provider, e.g. ${env:AWS_SECRET_ACCESS_KEY}.",
                    S3, 6, Width.MEDIUM, "Secret access key")
            .define(FORMAT_CONFIG, Type.STRING, "jsonl", EnumConfig.validator(Format.class), Importance.HIGH,
                    "Object format: jsonl, one JSON value per line.", OBJECTS, 1, Width.SHORT, "Format")
            .define(COMPRESSION_CONFIG, Type.STRING, "gzip", EnumConfig.validator(Compression.class), Importance.MEDIUM,
                    "Compression of each object: none or gzip.", OBJECTS, 2, Width.SHORT, "Compression")
            .define(PATH_TEMPLATE_CONFIG, Type.STRING, "{topic}/dt={yyyy-MM-dd}/hour={HH}/", Importance.MEDIUM,
                    "Key prefix of each object. {topic} and {partition} are the record's; date patterns in braces such as "
                            + "{yyyy-MM-dd} or {HH} are the first record's timestamp in UTC. The key ends with "
                            + "{topic}+{partition}+{startOffset}, zero-padded, and the format's extension.",
                    OBJECTS, 3, Width.LONG, "Path template")
            .define(BEHAVIOR_ON_NULL_VALUES_CONFIG, Type.STRING, "ignore", EnumConfig.validator(BehaviorOnNullValues.class),
                    Importance.LOW, "Tombstones: ignore them, write them as a JSON null line, or fail the task.",
                    OBJECTS, 4, Width.SHORT, "On null values")
            .define(FLUSH_SIZE_CONFIG, Type.INT, 10_000, ConfigDef.Range.between(1, 10_000_000), Importance.HIGH,
                    "An object is written once it holds this many records.", ROTATION, 1, Width.SHORT, "Flush size")
            .define(FLUSH_BYTES_CONFIG, Type.LONG, 64L * 1024 * 1024, ConfigDef.Range.between(1024, 5L * 1024 * 1024 * 1024),
                    Importance.MEDIUM, "An object is written once it holds this many (compressed) bytes; also bounds the "
                            + "memory each open object takes.", ROTATION, 2, Width.SHORT, "Flush bytes")
            .define(ROTATE_SCHEDULE_INTERVAL_MS_CONFIG, Type.LONG, 60_000L, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                    "An open object is written once it is this old by the wall clock, so idle partitions still reach S3; "
                            + "0 turns this off. Exactly-once holds regardless (see the connector's documentation).",
                    ROTATION, 3, Width.SHORT, "Wall-clock rotation");

    final String bucket;
    final String region;
    final String endpoint;
    final boolean pathStyle;
    final String accessKeyId;
    final Password secretAccessKey;
    final Format format;
    final Compression compression;
    final ObjectKeys keys;
    final BehaviorOnNullValues onNull;
    final int flushSize;
    final long flushBytes;
    final long rotateScheduleMs;

    public S3ArchiveSinkConfig(Map<String, ?> props) {
        super(CONFIG_DEF, props);
        bucket = getString(BUCKET_CONFIG);
        region = getString(REGION_CONFIG);
        endpoint = getString(ENDPOINT_CONFIG);
        pathStyle = getBoolean(PATH_STYLE_CONFIG);
        accessKeyId = getString(ACCESS_KEY_ID_CONFIG);
        secretAccessKey = getPassword(SECRET_ACCESS_KEY_CONFIG);
        format = EnumConfig.parse(Format.class, getString(FORMAT_CONFIG));
        compression = EnumConfig.parse(Compression.class, getString(COMPRESSION_CONFIG));
        keys = ObjectKeys.parse(getString(PATH_TEMPLATE_CONFIG), compression);
        onNull = EnumConfig.parse(BehaviorOnNullValues.class, getString(BEHAVIOR_ON_NULL_VALUES_CONFIG));
        flushSize = getInt(FLUSH_SIZE_CONFIG);
        flushBytes = getLong(FLUSH_BYTES_CONFIG);
        rotateScheduleMs = getLong(ROTATE_SCHEDULE_INTERVAL_MS_CONFIG);
    }
}
