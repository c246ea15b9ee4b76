package io.agenttelemetry.connect.source;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

import io.agenttelemetry.connect.model.config.EnumConfig;
import io.agenttelemetry.connect.model.config.NonEmptyList;
import io.agenttelemetry.connect.source.parse.EventParsers;

/** Configuration of {@link AgentLogSourceConnector}, parsed once into typed fields. */
public final class AgentLogSourceConfig extends AbstractConfig {
    public static final String PATHS_CONFIG = "paths";
    public static final String INCLUDE_REGEX_CONFIG = "include.regex";
    public static final String EXCLUDE_REGEX_CONFIG = "exclude.regex";
    public static final String FORMAT_CONFIG = "format";
    public static final String START_POSITION_CONFIG = "start.position";
    public static final String FINGERPRINT_BYTES_CONFIG = "fingerprint.bytes";
    public static final String DISCOVERY_INTERVAL_MS_CONFIG = "discovery.interval.ms";
    public static final String POLL_INTERVAL_MS_CONFIG = "poll.interval.ms";
    public static final String BATCH_MAX_RECORDS_CONFIG = "batch.max.records";
    public static final String MAX_LINE_BYTES_CONFIG = "max.line.bytes";
    public static final String MAX_LINE_POLICY_CONFIG = "max.line.policy";
    public static final String TOPIC_CONFIG = "topic";
    public static final String KEY_FIELD_CONFIG = "key.field";
    public static final String ERROR_TOPIC_CONFIG = "error.topic";
    public static final String ON_PARSE_ERROR_CONFIG = "on.parse.error";
    public static final String ERROR_RAW_MAX_BYTES_CONFIG = "error.raw.max.bytes";

    // Set by the connector for each task, not by users.
    static final String TASK_INDEX_CONFIG = "task.index";
    static final String TASK_COUNT_CONFIG = "task.count";

    /** Where to start in files found at the very first start. */
    public enum StartPosition { EARLIEST, LATEST }

    /** What to do with a line longer than max.line.bytes. */
    public enum MaxLinePolicy { TRUNCATE, SKIP }

    /** What to do with a line the format cannot read. */
    public enum OnParseError { ROUTE, FAIL }

    /** Which event field keys the record. */
    public enum KeyField { TRACE_ID, SPAN_ID, NONE }

    private static final String FILES = "Files";
    private static final String READING = "Reading";
    private static final String OUTPUT = "Output";
    private static final String ERRORS = "Errors";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(PATHS_CONFIG, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyList("glob pattern"), Importance.HIGH,
                    "Comma-separated glob patterns of the files to tail, e.g. /var/log/agents/**/*.jsonl. "
                            + "** crosses directories; patterns should be absolute. With copytruncate rotation, let the "
                            + "patterns match the rotated copies too (e.g. app.log*): lines written between the last read "
                            + "and the truncation are then read from the copy instead of being lost.",
                    FILES, 1, Width.LONG, "Paths")
            .define(INCLUDE_REGEX_CONFIG, Type.STRING, "", new RegexValidator(), Importance.LOW,
                    "If set, only files whose full path matches this regex are read.",
                    FILES, 2, Width.MEDIUM, "Include regex")
            .define(EXCLUDE_REGEX_CONFIG, Type.STRING, "", new RegexValidator(), Importance.LOW,
                    "Files whose full path matches this regex are never read, e.g. .*\\.gz$.",
                    FILES, 3, Width.MEDIUM, "Exclude regex")
            .define(START_POSITION_CONFIG, Type.STRING, "earliest", EnumConfig.validator(StartPosition.class), Importance.MEDIUM,
                    "For files already present when the connector first starts: read them from the beginning "
                            + "(earliest) or only what is appended later (latest). Files that appear later, and files "
                            + "with a committed offset, are unaffected.",
                    FILES, 4, Width.SHORT, "Start position")
            .define(FINGERPRINT_BYTES_CONFIG, Type.INT, 1024, ConfigDef.Range.between(16, 65536), Importance.LOW,
                    "A file is identified by a hash of its first line, or of its first this-many bytes if the first "
                            + "line is longer, so renaming a file does not make it a new file.",
                    FILES, 5, Width.SHORT, "Fingerprint bytes")
            .define(DISCOVERY_INTERVAL_MS_CONFIG, Type.LONG, 5000L, ConfigDef.Range.atLeast(100), Importance.LOW,
                    "How often to look for new files matching the paths.",
                    FILES, 6, Width.SHORT, "Discovery interval")
            .define(FORMAT_CONFIG, Type.STRING, EventParsers.AUTO, new FormatValidator(), Importance.HIGH,
                    "Format of every file: auto (sniffed from each file's first line), otlp-json, jsonl, or a format "
                            + "added through the EventParserProvider SPI.",
                    READING, 1, Width.SHORT, "Format")
            .define(POLL_INTERVAL_MS_CONFIG, Type.LONG, 250L, ConfigDef.Range.between(1, 60_000), Importance.LOW,
                    "How long poll waits when no file has new lines.",
                    READING, 2, Width.SHORT, "Poll interval")
            .define(BATCH_MAX_RECORDS_CONFIG, Type.INT, 2000, ConfigDef.Range.between(1, 1_000_000), Importance.LOW,
                    "At most this many records per poll; bounds memory and keeps offsets committing.",
                    READING, 3, Width.SHORT, "Batch size")
            .define(MAX_LINE_BYTES_CONFIG, Type.INT, 1024 * 1024, ConfigDef.Range.between(1024, 256 * 1024 * 1024), Importance.MEDIUM,
                    "Longest line kept in memory. A longer line is handled by max.line.policy and never stops the file.",
                    READING, 4, Width.SHORT, "Max line bytes")
            .define(MAX_LINE_POLICY_CONFIG, Type.STRING, "skip", EnumConfig.validator(MaxLinePolicy.class), Importance.LOW,
                    "For lines over max.line.bytes: skip sends the line's position and head to the error topic; "
                            + "truncate parses its first max.line.bytes (which usually fails for JSON and then goes to "
                            + "the error topic too).",
                    READING, 5, Width.SHORT, "Max line policy")
            .define(TOPIC_CONFIG, Type.STRING, "agent-events", new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Topic for the events.",
                    OUTPUT, 1, Width.MEDIUM, "Topic")
            .define(KEY_FIELD_CONFIG, Type.STRING, "trace_id", EnumConfig.validator(KeyField.class), Importance.MEDIUM,
                    "Record key: trace_id keeps a trace's events in one partition and in order; span_id; or none.",
                    OUTPUT, 2, Width.SHORT, "Key field")
            .define(ERROR_TOPIC_CONFIG, Type.STRING, "agent-events.errors", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Topic for lines that could not be read, with file, offset, reason and the raw bytes (bounded).",
                    ERRORS, 1, Width.MEDIUM, "Error topic")
            .define(ON_PARSE_ERROR_CONFIG, Type.STRING, "route", EnumConfig.validator(OnParseError.class), Importance.MEDIUM,
                    "route: send unreadable lines to error.topic and go on; fail: stop the task at the first one.",
                    ERRORS, 2, Width.SHORT, "On parse error")
            .define(ERROR_RAW_MAX_BYTES_CONFIG, Type.INT, 4096, ConfigDef.Range.between(0, 1024 * 1024), Importance.LOW,
                    "At most this many bytes of an unreadable line are copied to the error record.",
                    ERRORS, 3, Width.SHORT, "Raw bytes in errors");

    final List<String> paths;
    final Pattern include;
    final Pattern exclude;
    final String format;
    final StartPosition startPosition;
    final int fingerprintBytes;
    final long discoveryIntervalMs;
    final long pollIntervalMs;
    final int batchMaxRecords;
    final int maxLineBytes;
    final MaxLinePolicy maxLinePolicy;
    final String topic;
    final KeyField keyField;
    final String errorTopic;
    final OnParseError onParseError;
    final int errorRawMaxBytes;

    public AgentLogSourceConfig(Map<String, ?> props) {
        super(CONFIG_DEF, props);
        paths = getList(PATHS_CONFIG);
        include = optionalPattern(getString(INCLUDE_REGEX_CONFIG));
        exclude = optionalPattern(getString(EXCLUDE_REGEX_CONFIG));
        format = getString(FORMAT_CONFIG).trim().toLowerCase(java.util.Locale.ROOT);
        startPosition = EnumConfig.parse(StartPosition.class, getString(START_POSITION_CONFIG));
        fingerprintBytes = getInt(FINGERPRINT_BYTES_CONFIG);
        discoveryIntervalMs = getLong(DISCOVERY_INTERVAL_MS_CONFIG);
        pollIntervalMs = getLong(POLL_INTERVAL_MS_CONFIG);
        batchMaxRecords = getInt(BATCH_MAX_RECORDS_CONFIG);
        maxLineBytes = getInt(MAX_LINE_BYTES_CONFIG);
        maxLinePolicy = EnumConfig.parse(MaxLinePolicy.class, getString(MAX_LINE_POLICY_CONFIG));
        topic = getString(TOPIC_CONFIG);
        keyField = EnumConfig.parse(KeyField.class, getString(KEY_FIELD_CONFIG));
        errorTopic = getString(ERROR_TOPIC_CONFIG);
        onParseError = EnumConfig.parse(OnParseError.class, getString(ON_PARSE_ERROR_CONFIG));
        errorRawMaxBytes = getInt(ERROR_RAW_MAX_BYTES_CONFIG);
    }

    private static Pattern optionalPattern(String regex) {
        return regex == null || regex.isEmpty() ? null : Pattern.compile(regex);
    }

    private static final class RegexValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            try {
                optionalPattern((String) value);
            } catch (PatternSyntaxException e) {
                throw new ConfigException(name, value, "not a valid regex: " + e.getDescription());
            }
        }

        @Override
        public String toString() {
            return "Java regular expression, or empty";
        }
    }

    private static final class FormatValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            List<String> names = EventParsers.load().names();
            if (value == null || !names.contains(value.toString().trim().toLowerCase(java.util.Locale.ROOT))) {
                throw new ConfigException(name, value, "unknown format; known formats: " + names);
            }
        }

        @Override
        public String toString() {
            return "auto, otlp-json, jsonl, or an EventParserProvider's name";
        }
    }
}
