package io.agenttelemetry.connect.source;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.EventSource;
import io.agenttelemetry.connect.source.file.FileDiscovery;
import io.agenttelemetry.connect.source.file.OpenedFile;
import io.agenttelemetry.connect.source.file.TrackedFile;
import io.agenttelemetry.connect.source.parse.EventParser;
import io.agenttelemetry.connect.source.parse.EventParserProvider;
import io.agenttelemetry.connect.source.parse.EventParsers;
import io.agenttelemetry.connect.source.parse.LineParseException;

/**
 * Tails this task's share of the matching files and turns their complete lines into records. Files are known by
 * fingerprint, so a renamed file is followed, a copy made by copytruncate takes over where the original was
 * truncated, and a file that was renamed away is read to its end through its still-open channel.
 */
final class FileTailer implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(FileTailer.class);
    private static final int MAX_RETIRED = 10_000;

    private final AgentLogSourceConfig config;
    private final int taskIndex;
    private final int taskCount;
    private final Function<Map<String, Object>, Map<String, Object>> committedOffset;
    private final FileDiscovery discovery;
    private final EventParsers parsers = EventParsers.load();
    private final RecordFactory records;
    private final SourceTaskMetrics metrics;
    private final Map<String, FileState> files = new LinkedHashMap<>();
    /** Where recently closed files stopped, so a copy of one continues there instead of at an older commit. */
    private final Map<String, FileState> retired = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FileState> eldest) {
            return size() > MAX_RETIRED;
        }
    };
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private long nextDiscoveryNanos;
    private boolean firstDiscovery = true;

    /** Per tracked file: the file, its parser and where in its lines we are. */
    private static final class FileState {
        final TrackedFile file;
        EventParser parser;
        String format;
        long lineNumber;
        int skip;

        FileState(TrackedFile file, long lineNumber, int skip) {
            this.file = file;
            this.lineNumber = lineNumber;
            this.skip = skip;
        }
    }

    FileTailer(AgentLogSourceConfig config, int taskIndex, int taskCount,
               Function<Map<String, Object>, Map<String, Object>> committedOffset, SourceTaskMetrics metrics) {
        this.config = config;
        this.taskIndex = taskIndex;
        this.taskCount = taskCount;
        this.committedOffset = committedOffset;
        this.discovery = new FileDiscovery(config.paths, config.include, config.exclude);
        this.records = new RecordFactory(config);
        this.metrics = metrics;
    }

    /** Up to batch.max.records records from the files' new lines; empty if nothing new. */
    List<SourceRecord> poll() throws IOException {
        if (System.nanoTime() >= nextDiscoveryNanos) {
            discover();
            nextDiscoveryNanos = System.nanoTime() + config.discoveryIntervalMs * 1_000_000L;
        }
        List<SourceRecord> out = new ArrayList<>();
        for (Iterator<FileState> it = files.values().iterator(); it.hasNext() && out.size() < config.batchMaxRecords; ) {
            FileState state = it.next();
            if (state.file.replaced(config.fingerprintBytes)) {
                log.info("{} was truncated or rewritten (copytruncate rotation); reading it again as a new file", state.file);
                retire(state);
                it.remove();
                nextDiscoveryNanos = 0;
                continue;
            }
            state.file.readLinesInto(config.batchMaxRecords - out.size(),
                    (start, end, bytes, length, overlong) -> onLine(state, start, end, bytes, length, overlong, out));
        }
        metrics.trackedFiles(files.size());
        return out;
    }

    /** Looks for new, renamed and rotated files at the next poll instead of waiting for the interval. */
    void requestDiscovery() {
        nextDiscoveryNanos = 0;
    }

    private void discover() throws IOException {
        // Retire replaced files first, so a copy of one found below continues where it stopped.
        for (Iterator<FileState> it = files.values().iterator(); it.hasNext(); ) {
            FileState s = it.next();
            if (s.file.replacedThorough(config.fingerprintBytes)) {
                log.info("{} was truncated or rewritten (copytruncate rotation); reading it again as a new file", s.file);
                retire(s);
                it.remove();
            }
        }
        Map<Object, FileState> byKey = new HashMap<>();
        files.values().forEach(s -> byKey.put(s.file.fileKey(), s));
        for (Path path : discovery.discover()) {
            try {
                Object key = OpenedFile.fileKey(path);
                FileState known = byKey.get(key);
                if (known != null) {
                    if (!known.file.path().equals(path)) {
                        log.info("{} was renamed to {}", known.file, path);
                        known.file.movedTo(path);
                    }
                    continue;
                }
                OpenedFile opened = OpenedFile.open(path, config.fingerprintBytes);
                if (opened == null || Math.floorMod(opened.id().hashCode(), taskCount) != taskIndex) {
                    if (opened != null) {
                        opened.close();
                    }
                    continue;
                }
                track(opened);
            } catch (NoSuchFileException e) {
                // Rotated away between listing and opening: the next discovery sees its new name.
            }
        }
        closeFinishedFiles();
        firstDiscovery = false;
        metrics.bytesBehind(lagByFile().values().stream().mapToLong(v -> Math.max(0, v)).sum());
    }

    private void track(OpenedFile opened) throws IOException {
        FileState existing = files.get(opened.id());
        if (existing != null) {
            // The same content under another inode: a copytruncate copy, or a restored file. The copy takes over
            // only once the original no longer holds that content.
            if (existing.file.replaced(config.fingerprintBytes) || !Files.exists(existing.file.path())) {
                long position = existing.file.position();
                log.info("{} continues {} from offset {}", opened.path(), existing.file, position);
                close(existing);
                files.put(opened.id(), new FileState(opened.track(config.maxLineBytes, position), existing.lineNumber, existing.skip));
            } else {
                opened.close();
            }
            return;
        }
        FileState previous = retired.remove(opened.id());
        long[] offset = SourceOffsets.read(committedOffset.apply(SourceOffsets.partition(opened.id())));
        FileState state;
        if (previous != null) {
            state = new FileState(opened.track(config.maxLineBytes, previous.file.position()), previous.lineNumber, previous.skip);
            log.info("{} continues {} from offset {}", opened.path(), previous.file, previous.file.position());
        } else if (offset != null) {
            state = new FileState(opened.track(config.maxLineBytes, offset[0]), offset[2], (int) offset[1]);
            log.info("Resuming {} at offset {} (line {}, {} events of it already sent)", opened.path(), offset[0], offset[2], offset[1]);
        } else {
            long start = firstDiscovery && config.startPosition == AgentLogSourceConfig.StartPosition.LATEST ? opened.size() : 0;
            state = new FileState(opened.track(config.maxLineBytes, start), 0, 0);
            log.info("Tailing new file {} from offset {}", opened.path(), start);
        }
        files.put(opened.id(), state);
    }

    /** Closes files that were rotated away or deleted and have been read to their end. */
    private void closeFinishedFiles() throws IOException {
        for (Iterator<FileState> it = files.values().iterator(); it.hasNext(); ) {
            FileState s = it.next();
            boolean gone = !Files.exists(s.file.path()) || !Objects.equals(OpenedFile.fileKey(s.file.path()), s.file.fileKey());
            if (gone && s.file.lag() == 0) {
                log.info("Finished {}: it was rotated away or deleted and is read to its end", s.file);
                retire(s);
                it.remove();
            }
        }
    }

    private void onLine(FileState state, long start, long end, byte[] bytes, int length, boolean overlong, List<SourceRecord> out) {
        metrics.lineRead(end - start);
        long lineNumber = state.lineNumber++;
        int skip = state.skip;
        state.skip = 0;
        if (length == 0 && !overlong) {
            return;
        }
        String file = state.file.path().toString();
        Map<String, Object> partition = SourceOffsets.partition(state.file.id());
        Map<String, Object> after = SourceOffsets.offset(end, 0, lineNumber + 1, file);
        if (overlong) {
            metrics.overlongLine();
            if (config.maxLinePolicy == AgentLogSourceConfig.MaxLinePolicy.SKIP) {
                unreadable(state, start, end, lineNumber, "line longer than max.line.bytes (" + config.maxLineBytes + ")", bytes, length, after, out);
                return;
            }
        }
        String text;
        try {
            text = utf8.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            unreadable(state, start, end, lineNumber, "invalid UTF-8", bytes, length, after, out);
            return;
        }
        List<AgentEvent> events;
        try {
            events = parser(state, text).parse(text, EventSource.create(file, start, state.format));
        } catch (LineParseException | RuntimeException e) {
            unreadable(state, start, end, lineNumber, e.getMessage() == null ? e.toString() : e.getMessage(), bytes, length, after, out);
            return;
        }
        // All but the last event of a line resume at the line itself, skipping what was already sent.
        for (int i = skip; i < events.size(); i++) {
            Map<String, Object> offset = i == events.size() - 1 ? after : SourceOffsets.offset(start, i + 1, lineNumber, file);
            out.add(records.event(events.get(i), partition, offset));
        }
        metrics.recordsEmitted(Math.max(0, events.size() - skip));
    }

    private EventParser parser(FileState state, String firstLine) throws LineParseException {
        if (state.parser == null) {
            EventParserProvider provider = EventParsers.AUTO.equals(config.format) ? parsers.sniff(firstLine) : parsers.get(config.format);
            if (provider == null) {
                throw new LineParseException("format=auto recognizes no format in this line");
            }
            state.parser = provider.create();
            state.format = provider.name();
        }
        return state.parser;
    }

    private void unreadable(FileState state, long start, long end, long lineNumber, String reason, byte[] bytes, int length,
                            Map<String, Object> offset, List<SourceRecord> out) {
        metrics.parseError();
        String file = state.file.path().toString();
        if (config.onParseError == AgentLogSourceConfig.OnParseError.FAIL) {
            throw new ConnectException("Unreadable line " + (lineNumber + 1) + " at offset " + start + " of " + file + ": " + reason);
        }
        log.debug("Unreadable line {} at offset {} of {}: {}", lineNumber + 1, start, file, reason);
        out.add(records.error(file, start, end, lineNumber + 1, state.format, reason, bytes, length,
                SourceOffsets.partition(state.file.id()), offset));
    }

    /** Bytes not yet read, per file path, for lag metrics. */
    Map<String, Long> lagByFile() {
        Map<String, Long> lag = new LinkedHashMap<>();
        for (FileState s : files.values()) {
            try {
                lag.put(s.file.path().toString(), s.file.lag());
            } catch (IOException e) {
                lag.put(s.file.path().toString(), -1L);
            }
        }
        return lag;
    }

    private void retire(FileState s) {
        close(s);
        retired.put(s.file.id(), s);
    }

    private static void close(FileState s) {
        try {
            s.file.close();
        } catch (IOException e) {
            log.warn("Could not close {}: {}", s.file, e.toString());
        }
    }

    @Override
    public void close() {
        files.values().forEach(FileTailer::close);
        files.clear();
    }
}
