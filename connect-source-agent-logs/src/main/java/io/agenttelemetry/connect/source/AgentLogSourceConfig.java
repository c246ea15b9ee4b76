package io.agenttelemetry.connect.source;

import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.core.JsonPointer;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

import io.agenttelemetry.connect.model.config.ConfigValidators;
import io.agenttelemetry.connect.model.config.EnumConfig;
import io.agenttelemetry.connect.model.config.NonEmptyList;
import io.agenttelemetry.connect.model.config.PlaceholderTemplate;
import io.agenttelemetry.connect.model.config.TaskConfigs;
import io.agenttelemetry.connect.source.parse.EventParsers;
import io.agenttelemetry.connect.source.parse.JsonLinesParserProvider;
import io.agenttelemetry.connect.source.parse.ParserSettings;
import io.agenttelemetry.connect.source.parse.Timestamps;

/** Configuration of {@link AgentLogSourceConnector}, parsed once into typed fields. */
public final class AgentLogSourceConfig extends AbstractConfig {
    public static final String PATHS_CONFIG = "paths";
    public static final String INCLUDE_REGEX_CONFIG = "include.regex";
    public static final String EXCLUDE_REGEX_CONFIG = "exclude.regex";
    public static final String FORMAT_CONFIG = "format";
    public static final String FORMAT_BY_PATH_CONFIG = "format.by.path";
    public static final String COMPLETED_FILE_POLICY_CONFIG = "completed.file.policy";
    public static final String COMPLETED_FILE_MOVE_DIR_CONFIG = "completed.file.move.dir";
    public static final String COMPLETED_FILE_IDLE_MS_CONFIG = "completed.file.idle.ms";
    public static final String MAX_OPEN_FILES_CONFIG = "max.open.files";
    public static final String FILE_IDLE_CLOSE_MS_CONFIG = "file.idle.close.ms";
    public static final String START_POSITION_CONFIG = "start.position";
    public static final String FINGERPRINT_BYTES_CONFIG = "fingerprint.bytes";
    public static final String DISCOVERY_INTERVAL_MS_CONFIG = "discovery.interval.ms";
    public static final String POLL_INTERVAL_MS_CONFIG = "poll.interval.ms";
    public static final String BATCH_MAX_RECORDS_CONFIG = "batch.max.records";
    public static final String MAX_LINE_BYTES_CONFIG = "max.line.bytes";
    public static final String MAX_LINE_POLICY_CONFIG = "max.line.policy";
    public static final String TOPIC_CONFIG = "topic";
    public static final String KEY_FIELD_CONFIG = "key.field";
    public static final String VALUE_FORMAT_CONFIG = "value.format";
    public static final String ERROR_TOPIC_CONFIG = "error.topic";
    public static final String ON_PARSE_ERROR_CONFIG = "on.parse.error";
    public static final String ERROR_RAW_MAX_BYTES_CONFIG = "error.raw.max.bytes";
    public static final String TIMESTAMP_FORMAT_CONFIG = "timestamp.format";
    public static final String TIMESTAMP_ZONE_CONFIG = "timestamp.zone";
    public static final String JSONL_FIELDS_CONFIG = "jsonl.fields";
    public static final String TEXT_PATTERN_CONFIG = "text.pattern";
    public static final String MULTILINE_START_PATTERN_CONFIG = "multiline.start.pattern";
    public static final String MULTILINE_NEGATE_CONFIG = "multiline.negate";
    public static final String MULTILINE_MAX_LINES_CONFIG = "multiline.max.lines";
    public static final String MULTILINE_FLUSH_MS_CONFIG = "multiline.flush.ms";

    // Set by the connector for each task, not by users.
    static final String TASK_INDEX_CONFIG = TaskConfigs.TASK_INDEX;
    static final String TASK_COUNT_CONFIG = "task.count";

    /** Where to start in files found at the very first start. */
    public enum StartPosition { EARLIEST, LATEST }

    /** What to do with a line longer than max.line.bytes. */
    public enum MaxLinePolicy { TRUNCATE, SKIP }

    /** What to do with a rotated-away file once all its records are committed. */
    public enum CompletedFilePolicy { NONE, DELETE, MOVE }

    /** What to do with a line the format cannot read. */
    public enum OnParseError { ROUTE, FAIL }

    /** Which event field keys the record. */
    public enum KeyField { TRACE_ID, SPAN_ID, NONE }

    /** What a record's value is: a Connect struct, or the JSON JsonConverter would write for it, as bytes. */
    public enum ValueFormat { STRUCT, JSON }

    private static final String FILES = "Files";
    private static final String READING = "Reading";
    private static final String PARSING = "Parsing";
    private static final String OUTPUT = "Output";
    private static final String ERRORS = "Errors";

    private static final ConfigDef.Validator REGEX = ConfigValidators.of("Java regular expression, or empty", (name, value) -> {
        try {
            optionalPattern((String) value);
        } catch (PatternSyntaxException e) {
            throw new ConfigException(name, value, "not a valid regex: " + e.getDescription());
        }
    });

    private static final ConfigDef.Validator FORMAT = ConfigValidators.of(
            "auto, otlp-json, claude-code, openai-agents, jsonl, text, or an EventParserProvider's name", (name, value) -> {
                List<String> names = EventParsers.load().names();
                if (value == null || !names.contains(value.toString().trim().toLowerCase(java.util.Locale.ROOT))) {
                    throw new ConfigException(name, value, "unknown format; known formats: " + names);
                }
            });
    private static final ConfigDef.Validator FORMAT_BY_PATH = ConfigValidators.of("list of glob=format",
            (name, value) -> formatByPath(strings(value)));
    private static final ConfigDef.Validator JSONL_FIELDS = ConfigValidators.of("list of field=/json/pointer",
            (name, value) -> jsonFields(strings(value)));
    private static final ConfigDef.Validator TIMESTAMP_FORMAT = ConfigValidators.of(
            "auto, iso8601, epoch_s, epoch_ms, epoch_us, epoch_ns, or a DateTimeFormatter pattern", (name, value) -> {
                try {
                    Timestamps.of((String) value, "UTC");
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(name, value, "neither a known format nor a DateTimeFormatter pattern: " + e.getMessage());
                }
            });
    static final Set<String> TOPIC_VARIABLES = Set.of("format", "type", "dir");
    private static final ConfigDef.Validator TOPIC_TEMPLATE = ConfigValidators.of("topic name, may contain {format}, {type}, {dir}",
            (name, value) -> {
                new ConfigDef.NonEmptyString().ensureValid(name, value);
                topicTemplate((String) value);
            });

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(PATHS_CONFIG, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyList("glob pattern"), Importance.HIGH,
                    "Comma-separated glob patterns of the files to tail, e.g. /var/log/agents/**/*.jsonl. "
                            + "** crosses directories; patterns should be absolute. With copytruncate rotation, let the "
                            + "patterns match the rotated copies too (e.g. app.log*): lines written between the last read "
                            + "and the truncation are then read from the copy instead of being lost. Files named *.gz are "
                            + "read uncompressed, under the identity and offsets of the file they were: with rotation "
                            + "that compresses (logrotate's compress), let the patterns match the .gz files too, and "
                            + "lines not yet read when a file was compressed (the connector stopped, or the file closed "
                            + "as idle) are read from its .gz file. A .gz file is read once it is whole.",
                    FILES, 1, Width.LONG, "Paths")
            .define(INCLUDE_REGEX_CONFIG, Type.STRING, "", REGEX, Importance.LOW,
                    "If set, only files whose full path matches this regex are read.",
                    FILES, 2, Width.MEDIUM, "Include regex")
            .define(EXCLUDE_REGEX_CONFIG, Type.STRING, "", REGEX, Importance.LOW,
                    "Files whose full path matches this regex are never read, e.g. .*\\.(gz|bak)$ to leave out "
                            + "compressed and backup files.",
                    FILES, 3, Width.MEDIUM, "Exclude regex")
            .define(START_POSITION_CONFIG, Type.STRING, "earliest", EnumConfig.validator(StartPosition.class), Importance.MEDIUM,
                    "For files already present when the connector first starts: read them from the beginning "
                            + "(earliest) or only what is appended later (latest). Files that appear later, and files "
                            + "with a committed offset, are unaffected.",
                    FILES, 4, Width.SHORT, "Start position")
            .define(FINGERPRINT_BYTES_CONFIG, Type.INT, 1024, ConfigDef.Range.between(16, 65536), Importance.LOW,
                    "A file is identified by a hash of its first line, or of its first this-many bytes if the first "
                            + "line is longer, so renaming a file does not make it a new file. Files that start alike but "
                            + "hold different content are told apart by their content and file key (inode).",
                    FILES, 5, Width.SHORT, "Fingerprint bytes")
            .define(DISCOVERY_INTERVAL_MS_CONFIG, Type.LONG, 5000L, ConfigDef.Range.atLeast(100), Importance.LOW,
                    "How often to look for new files matching the paths.",
                    FILES, 6, Width.SHORT, "Discovery interval")
            .define(MAX_OPEN_FILES_CONFIG, Type.INT, 1000, ConfigDef.Range.between(1, 1_000_000), Importance.LOW,
                    "At most this many files are held open per task. Beyond it, the quietest files that are read to "
                            + "their end are closed and opened again when discovery sees them change, so 10,000 files "
                            + "need no more descriptors than this.",
                    FILES, 7, Width.SHORT, "Max open files")
            .define(FILE_IDLE_CLOSE_MS_CONFIG, Type.LONG, 300_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "A file read to its end that has not grown for this long is closed and opened again when it "
                            + "changes. A closed file that is rotated away and deleted before the next discovery loses "
                            + "what was written to it meanwhile, so keep this well above the rotation interval.",
                    FILES, 8, Width.SHORT, "Close idle files after")
            .define(COMPLETED_FILE_POLICY_CONFIG, Type.STRING, "none", EnumConfig.validator(CompletedFilePolicy.class), Importance.MEDIUM,
                    "What to do with a completed file: one that was rotated away (renamed, or a copytruncate copy), "
                            + "is read to its end, has not changed for completed.file.idle.ms, and whose records are "
                            + "all acknowledged by Kafka and their offsets committed. none leaves it; delete removes it; "
                            + "move moves it to completed.file.move.dir.",
                    FILES, 9, Width.SHORT, "Completed file policy")
            .define(COMPLETED_FILE_MOVE_DIR_CONFIG, Type.STRING, "", null, Importance.LOW,
                    "Directory completed files are moved to with completed.file.policy=move; it should not match paths.",
                    FILES, 10, Width.MEDIUM, "Completed file directory")
            .define(COMPLETED_FILE_IDLE_MS_CONFIG, Type.LONG, 60_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "A rotated-away file counts as completed only after it has not grown for this long, since "
                            + "writers may append to a renamed file for a while.",
                    FILES, 11, Width.SHORT, "Completed after idle")
            .define(FORMAT_CONFIG, Type.STRING, EventParsers.AUTO, FORMAT, Importance.HIGH,
                    "Format of every file: auto (sniffed from each file's first line: otlp-json, claude-code, "
                            + "openai-agents or jsonl; text is never sniffed), otlp-json (OpenTelemetry Collector file "
                            + "exporter), claude-code (Claude Code / Agent SDK session transcripts), openai-agents (OpenAI "
                            + "Agents SDK trace exports), jsonl (any JSON lines, see jsonl.fields), text (see text.pattern "
                            + "and multiline.*), or a format added through the EventParserProvider SPI.",
                    READING, 1, Width.SHORT, "Format")
            .define(FORMAT_BY_PATH_CONFIG, Type.LIST, "", FORMAT_BY_PATH, Importance.MEDIUM,
                    "Formats per path pattern, as glob=format pairs tried in order, e.g. "
                            + "/var/log/claude/**.jsonl=claude-code,/var/log/app/*.log=text. Files no pattern matches "
                            + "use format.",
                    READING, 2, Width.LONG, "Format by path")
            .define(POLL_INTERVAL_MS_CONFIG, Type.LONG, 250L, ConfigDef.Range.between(1, 60_000), Importance.LOW,
                    "How long poll waits when no file has new lines.",
                    READING, 3, Width.SHORT, "Poll interval")
            .define(BATCH_MAX_RECORDS_CONFIG, Type.INT, 2000, ConfigDef.Range.between(1, 1_000_000), Importance.LOW,
                    "At most this many records per poll; bounds memory and keeps offsets committing. The next batch "
                            + "is read and parsed (on the task's reader thread) while Connect sends this one.",
                    READING, 4, Width.SHORT, "Batch size")
            .define(MAX_LINE_BYTES_CONFIG, Type.INT, 1024 * 1024, ConfigDef.Range.between(1024, 256 * 1024 * 1024), Importance.MEDIUM,
                    "Longest line kept in memory. A longer line is handled by max.line.policy and never stops the file.",
                    READING, 5, Width.SHORT, "Max line bytes")
            .define(MAX_LINE_POLICY_CONFIG, Type.STRING, "skip", EnumConfig.validator(MaxLinePolicy.class), Importance.LOW,
                    "For lines over max.line.bytes: skip sends the line's position and head to the error topic; "
                            + "truncate parses its first max.line.bytes (which usually fails for JSON and then goes to "
                            + "the error topic too).",
                    READING, 6, Width.SHORT, "Max line policy")
            .define(TIMESTAMP_FORMAT_CONFIG, Type.STRING, "auto", TIMESTAMP_FORMAT, Importance.MEDIUM,
                    "How jsonl and text formats write event times: auto (ISO-8601, or epoch seconds, milliseconds, "
                            + "microseconds or nanoseconds told apart by magnitude), iso8601, epoch_s, epoch_ms, epoch_us, "
                            + "epoch_ns, or a java.time DateTimeFormatter pattern such as yyyy-MM-dd HH:mm:ss,SSS.",
                    PARSING, 1, Width.MEDIUM, "Timestamp format")
            .define(TIMESTAMP_ZONE_CONFIG, Type.STRING, "UTC", ConfigValidators.zoneId(), Importance.LOW,
                    "Time zone for timestamp.format patterns without an offset, e.g. UTC or Europe/Berlin.",
                    PARSING, 2, Width.SHORT, "Timestamp zone")
            .define(JSONL_FIELDS_CONFIG, Type.LIST, "", JSONL_FIELDS, Importance.MEDIUM,
                    "For format jsonl: where model fields are, as field=JSON Pointer pairs, e.g. "
                            + "time=/ts,message=/msg/text,trace_id=/ctx/trace. Fields: "
                            + String.join(", ", new java.util.TreeSet<>(JsonLinesParserProvider.FIELDS.keySet()))
                            + ". Unmapped fields are taken from well-known names (timestamp, level, message, trace_id, ...).",
                    PARSING, 3, Width.LONG, "JSON field mapping")
            .define(TEXT_PATTERN_CONFIG, Type.STRING, "", REGEX, Importance.MEDIUM,
                    "For format text: regex read against each event's first line. Named groups time, level, message, "
                            + "traceid, spanid, service and name fill the model; every named group is also kept as an "
                            + "attribute. Events whose first line does not match keep their whole text as the body. Empty: "
                            + "the whole text is the body.",
                    PARSING, 4, Width.LONG, "Text pattern")
            .define(MULTILINE_START_PATTERN_CONFIG, Type.STRING, "", REGEX, Importance.MEDIUM,
                    "For format text: a line matching this regex starts a new event and the lines after it that do "
                            + "not match are joined to it (stack traces). Empty: every line is an event.",
                    PARSING, 5, Width.LONG, "Multi-line start pattern")
            .define(MULTILINE_NEGATE_CONFIG, Type.BOOLEAN, false, null, Importance.LOW,
                    "Invert multiline.start.pattern: lines that do NOT match start an event, so the pattern "
                            + "describes continuation lines, e.g. ^(\\s|Caused by:).",
                    PARSING, 6, Width.SHORT, "Multi-line negate")
            .define(MULTILINE_MAX_LINES_CONFIG, Type.INT, 500, ConfigDef.Range.between(1, 100_000), Importance.LOW,
                    "A multi-line event is emitted once it has this many lines (or max.line.bytes characters); "
                            + "further lines start the next event.",
                    PARSING, 7, Width.SHORT, "Multi-line max lines")
            .define(MULTILINE_FLUSH_MS_CONFIG, Type.LONG, 2000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "A multi-line event is emitted when no new line arrived for this long, so the last stack trace of "
                            + "a quiet file does not wait for the next log line.",
                    PARSING, 8, Width.SHORT, "Multi-line flush timeout")
            .define(TOPIC_CONFIG, Type.STRING, "agent-events", TOPIC_TEMPLATE, Importance.HIGH,
                    "Topic for the events. May name per-format or per-directory topics with placeholders: {format} "
                            + "(the file's format, e.g. claude-code), {type} (span or log) and {dir} (name of the file's "
                            + "directory), e.g. agent-events.{format}. Characters Kafka does not allow in topic names "
                            + "become _.",
                    OUTPUT, 1, Width.MEDIUM, "Topic")
            .define(KEY_FIELD_CONFIG, Type.STRING, "trace_id", EnumConfig.validator(KeyField.class), Importance.MEDIUM,
                    "Record key: trace_id keeps a trace's events in one partition and in order; span_id; or none.",
                    OUTPUT, 2, Width.SHORT, "Key field")
            .define(VALUE_FORMAT_CONFIG, Type.STRING, "struct", EnumConfig.validator(ValueFormat.class), Importance.MEDIUM,
                    "struct: each value is a Connect struct of the agent event schema, for any value converter (JSON, "
                            + "Avro, Protobuf). json: each value (events and unreadable lines alike) is the JSON that "
                            + "JsonConverter with schemas.enable=false writes for that struct, already as bytes, for "
                            + "value.converter=org.apache.kafka.connect.converters.ByteArrayConverter: consumers see "
                            + "the same bytes, and the worker does not convert each record, which costs about as much "
                            + "as parsing it. Transforms of this connector then see bytes, so mask in the sinks' chains.",
                    OUTPUT, 3, Width.SHORT, "Value format")
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
    final List<Map.Entry<PathMatcher, String>> formatByPath;
    final int maxOpenFiles;
    final CompletedFilePolicy completedFilePolicy;
    final java.nio.file.Path completedFileMoveDir;
    final long completedFileIdleMs;
    final long fileIdleCloseMs;
    final StartPosition startPosition;
    final int fingerprintBytes;
    final long discoveryIntervalMs;
    final long pollIntervalMs;
    final int batchMaxRecords;
    final int maxLineBytes;
    final MaxLinePolicy maxLinePolicy;
    final String topic;
    final PlaceholderTemplate topicTemplate;
    final KeyField keyField;
    final ValueFormat valueFormat;
    final String errorTopic;
    final OnParseError onParseError;
    final int errorRawMaxBytes;
    final ParserSettings parserSettings;

    public AgentLogSourceConfig(Map<String, ?> props) {
        super(CONFIG_DEF, props);
        paths = getList(PATHS_CONFIG);
        include = optionalPattern(getString(INCLUDE_REGEX_CONFIG));
        exclude = optionalPattern(getString(EXCLUDE_REGEX_CONFIG));
        maxOpenFiles = getInt(MAX_OPEN_FILES_CONFIG);
        completedFilePolicy = EnumConfig.parse(CompletedFilePolicy.class, getString(COMPLETED_FILE_POLICY_CONFIG));
        String moveDir = getString(COMPLETED_FILE_MOVE_DIR_CONFIG).trim();
        if (completedFilePolicy == CompletedFilePolicy.MOVE && moveDir.isEmpty()) {
            throw new ConfigException(COMPLETED_FILE_MOVE_DIR_CONFIG, moveDir, "required with " + COMPLETED_FILE_POLICY_CONFIG + "=move");
        }
        completedFileMoveDir = moveDir.isEmpty() ? null : java.nio.file.Paths.get(moveDir);
        completedFileIdleMs = getLong(COMPLETED_FILE_IDLE_MS_CONFIG);
        fileIdleCloseMs = getLong(FILE_IDLE_CLOSE_MS_CONFIG);
        format = getString(FORMAT_CONFIG).trim().toLowerCase(java.util.Locale.ROOT);
        formatByPath = formatByPath(getList(FORMAT_BY_PATH_CONFIG));
        startPosition = EnumConfig.parse(StartPosition.class, getString(START_POSITION_CONFIG));
        fingerprintBytes = getInt(FINGERPRINT_BYTES_CONFIG);
        discoveryIntervalMs = getLong(DISCOVERY_INTERVAL_MS_CONFIG);
        pollIntervalMs = getLong(POLL_INTERVAL_MS_CONFIG);
        batchMaxRecords = getInt(BATCH_MAX_RECORDS_CONFIG);
        maxLineBytes = getInt(MAX_LINE_BYTES_CONFIG);
        maxLinePolicy = EnumConfig.parse(MaxLinePolicy.class, getString(MAX_LINE_POLICY_CONFIG));
        topic = getString(TOPIC_CONFIG);
        topicTemplate = topicTemplate(topic);
        keyField = EnumConfig.parse(KeyField.class, getString(KEY_FIELD_CONFIG));
        valueFormat = EnumConfig.parse(ValueFormat.class, getString(VALUE_FORMAT_CONFIG));
        errorTopic = getString(ERROR_TOPIC_CONFIG);
        onParseError = EnumConfig.parse(OnParseError.class, getString(ON_PARSE_ERROR_CONFIG));
        errorRawMaxBytes = getInt(ERROR_RAW_MAX_BYTES_CONFIG);
        parserSettings = new ParserSettings(
                Timestamps.of(getString(TIMESTAMP_FORMAT_CONFIG), getString(TIMESTAMP_ZONE_CONFIG)),
                jsonFields(getList(JSONL_FIELDS_CONFIG)),
                optionalPattern(getString(TEXT_PATTERN_CONFIG)),
                optionalPattern(getString(MULTILINE_START_PATTERN_CONFIG)),
                getBoolean(MULTILINE_NEGATE_CONFIG),
                getInt(MULTILINE_MAX_LINES_CONFIG),
                getLong(MULTILINE_FLUSH_MS_CONFIG),
                maxLineBytes,
                originalsStrings());
    }

    /** The format for a file: the first format.by.path glob it matches, else format. */
    String formatFor(java.nio.file.Path file) {
        for (Map.Entry<PathMatcher, String> e : formatByPath) {
            if (e.getKey().matches(file)) {
                return e.getValue();
            }
        }
        return format;
    }

    /** glob=format pairs; throws naming the bad entry. */
    private static List<Map.Entry<PathMatcher, String>> formatByPath(List<String> entries) {
        List<Map.Entry<PathMatcher, String>> out = new java.util.ArrayList<>();
        List<String> known = EventParsers.load().names();
        for (String entry : entries) {
            int eq = entry.lastIndexOf('=');
            if (eq <= 0) {
                throw new ConfigException(FORMAT_BY_PATH_CONFIG, entry, "expected glob=format");
            }
            String glob = entry.substring(0, eq).trim();
            String name = entry.substring(eq + 1).trim().toLowerCase(java.util.Locale.ROOT);
            if (!known.contains(name)) {
                throw new ConfigException(FORMAT_BY_PATH_CONFIG, entry, "unknown format '" + name + "'; known formats: " + known);
            }
            try {
                out.add(Map.entry(FileSystems.getDefault().getPathMatcher("glob:" + glob), name));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(FORMAT_BY_PATH_CONFIG, entry, "not a valid glob: " + e.getMessage());
            }
        }
        return out;
    }

    /** field=/pointer pairs; throws naming the bad entry. */
    private static Map<String, String> jsonFields(List<String> entries) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            String field = eq < 0 ? entry.trim() : entry.substring(0, eq).trim();
            String pointer = eq < 0 ? "" : entry.substring(eq + 1).trim();
            if (!JsonLinesParserProvider.FIELDS.containsKey(field)) {
                throw new ConfigException(JSONL_FIELDS_CONFIG, entry, "unknown field '" + field + "'; known: "
                        + new java.util.TreeSet<>(JsonLinesParserProvider.FIELDS.keySet()));
            }
            try {
                JsonPointer.compile(pointer);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(JSONL_FIELDS_CONFIG, entry, "not a JSON Pointer: " + e.getMessage());
            }
            if (pointer.isEmpty()) {
                throw new ConfigException(JSONL_FIELDS_CONFIG, entry, "expected field=/json/pointer");
            }
            fields.put(field, pointer);
        }
        return fields;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object listValue) {
        return (List<String>) listValue;
    }

    private static Pattern optionalPattern(String regex) {
        return regex == null || regex.isEmpty() ? null : Pattern.compile(regex);
    }

    private static PlaceholderTemplate topicTemplate(String topic) {
        return PlaceholderTemplate.parse(TOPIC_CONFIG, topic, TOPIC_VARIABLES, java.time.ZoneOffset.UTC);
    }

}
