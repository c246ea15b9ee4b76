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
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.EventSource;
import io.agenttelemetry.connect.source.file.ContentCheck;
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
    private final CompletedFiles completed;
    private final Map<String, FileState> files = new LinkedHashMap<>();
    /** Lines read per file and poll at most, so a poll returns in bounded time even when lines make no records. */
    private final int linesPerPoll;
    /** Where recently closed files stopped, so a copy of one continues there instead of at an older commit. */
    private final Map<String, FileState> retired = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FileState> eldest) {
            return size() > MAX_RETIRED;
        }
    };
    /** Fingerprints that more than one file has had: their files go by fingerprint and file key. */
    private final Set<String> sharedFingerprints = new HashSet<>();
    /** The buffer every file is read through, one at a time. */
    private final ByteBuffer readBuffer = ByteBuffer.allocate(TrackedFile.READ_BUFFER_BYTES);
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private long nextDiscoveryNanos;
    /** Files with lines to read that found no free descriptor yet: opened as read-out files are closed. */
    private final Set<FileState> waiting = new java.util.LinkedHashSet<>();
    private boolean firstDiscovery = true;

    /** A record whose source offset is decided when it is delivered. */
    @FunctionalInterface
    private interface PendingRecord {
        SourceRecord at(Map<String, Object> partition, Map<String, Object> offset);
    }

    /**
     * Per tracked file: the file, its parser and where in its lines we are. While the parser holds lines, records
     * carry the resume point (the first held line) and how many records were emitted since it, so a restart reads
     * the held lines again and drops what it already sent.
     */
    private static final class FileState {
        final TrackedFile file;
        EventParser parser;
        String format;
        long lineNumber;
        long resumePosition;
        /** The check of the bytes before resumePosition, null if unknown (resumed from an offset without one). */
        ContentCheck resumeCheck;
        long resumeLine;
        int sinceResume;
        int toDrop;
        /** Renamed, or a copy continuing another file: no writer writes to its path any more. */
        boolean rotated;
        /** Retired because it was truncated or rewritten: a copytruncate copy of it may be shorter than what was read. */
        boolean truncated;
        /** Source position of the last record emitted, -1 if none: what Kafka must have acknowledged. */
        long lastRecordPosition = -1;
        /** Offset commits seen when all its records were first found acknowledged; -1 if not yet. */
        long ackedAtCommit = -1;

        FileState(TrackedFile file, long lineNumber, int toDrop) {
            this.file = file;
            this.lineNumber = lineNumber;
            this.resumePosition = file.position();
            this.resumeCheck = file.check();
            this.resumeLine = lineNumber;
            this.toDrop = toDrop;
        }

        /** This file's reading, continued in another file with the same content (a copytruncate copy). */
        FileState continueIn(TrackedFile copy) {
            FileState c = new FileState(copy, lineNumber, toDrop);
            c.parser = parser;
            c.format = format;
            c.resumePosition = resumePosition;
            c.resumeCheck = resumeCheck;
            c.resumeLine = resumeLine;
            c.sinceResume = sinceResume;
            c.rotated = true;
            c.lastRecordPosition = lastRecordPosition;
            return c;
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
        this.completed = new CompletedFiles(config);
        this.linesPerPoll = (int) Math.min(Integer.MAX_VALUE, 10L * config.batchMaxRecords);
    }

    /**
     * Files take turns at the head of the batch: the first goes to the back, so a file with a large backlog (a
     * replay of history) cannot starve the live files behind it.
     */
    private void takeTurns() {
        Iterator<Map.Entry<String, FileState>> head = files.entrySet().iterator();
        if (head.hasNext()) {
            Map.Entry<String, FileState> first = head.next();
            head.remove();
            files.put(first.getKey(), first.getValue());
        }
    }

    /** Up to batch.max.records records from the files' new lines; empty if nothing new. */
    List<SourceRecord> poll() throws IOException {
        List<SourceRecord> out = new ArrayList<>();
        if (System.nanoTime() >= nextDiscoveryNanos) {
            discover(out);
            nextDiscoveryNanos = System.nanoTime() + config.discoveryIntervalMs * 1_000_000L;
        }
        takeTurns();
        for (Iterator<FileState> it = files.values().iterator(); it.hasNext() && out.size() < config.batchMaxRecords; ) {
            FileState state = it.next();
            if (!state.file.isOpen()) {
                continue;
            }
            try {
                if (state.file.replaced(config.fingerprintBytes)) {
                    log.info("{} was truncated or rewritten (copytruncate rotation); reading it again as a new file", state.file);
                    state.truncated = true;
                    retire(state, out);
                    it.remove();
                    nextDiscoveryNanos = 0;
                    continue;
                }
                read(state, out);
            } catch (IOException e) {
                // A read error (a disk error, a gzip file corrupt past its start) stops this file, not the others.
                discovery.warnOnce(state.file.path(), e.toString());
            }
        }
        metrics.trackedFiles(files.size());
        if (out.isEmpty() && !waiting.isEmpty()) {
            // The open files are read out: make room for the waiting ones now rather than at the next discovery.
            suspendQuietFiles();
        }
        return out;
    }

    /** The file's new lines into out, until the batch is full or a bound per poll is reached. */
    private void read(FileState state, List<SourceRecord> out) throws IOException {
        // Lines a parser holds make no records yet, so read on until the batch fills, bounded per poll.
        int lines = 0;
        while (out.size() < config.batchMaxRecords && lines < linesPerPoll) {
            int n = state.file.readLinesInto(readBuffer, Math.min(config.batchMaxRecords - out.size(), linesPerPoll - lines),
                    (start, end, bytes, length, overlong) -> onLine(state, start, end, bytes, length, overlong, out));
            if (n == 0) {
                break;
            }
            lines += n;
        }
        if (lines == 0 && state.file.isCompressed()) {
            lines = state.file.readRemainderInto((start, end, bytes, length, overlong) -> onLine(state, start, end, bytes, length, overlong, out)) ? 1 : 0;
        }
        if (lines == 0 && state.parser != null && state.parser.holdsLines()) {
            deliver(state, events(state.parser.idle(state.file.nanosSinceGrowth())), state.file.position(), out);
        }
    }

    /** Looks for new, renamed and rotated files at the next poll instead of waiting for the interval. */
    void requestDiscovery() {
        nextDiscoveryNanos = 0;
    }

    private void discover(List<SourceRecord> out) throws IOException {
        // Retire replaced files first, so a copy of one found below continues where it stopped.
        for (Iterator<FileState> it = files.values().iterator(); it.hasNext(); ) {
            FileState s = it.next();
            if (s.file.isOpen() && s.file.replacedThorough(config.fingerprintBytes)) {
                log.info("{} was truncated or rewritten (copytruncate rotation); reading it again as a new file", s.file);
                s.truncated = true;
                retire(s, out);
                it.remove();
            }
        }
        Map<Object, FileState> byKey = new HashMap<>();
        files.values().forEach(s -> byKey.put(s.file.fileKey(), s));
        // Closed files that changed, and new files beyond max.open.files: opened below as descriptors allow.
        int open = openFiles();
        for (Path path : discovery.discover()) {
            try {
                Object key = OpenedFile.fileKey(path);
                FileState known = byKey.get(key);
                if (known != null) {
                    if (!known.file.path().equals(path)) {
                        log.info("{} was renamed to {}", known.file, path);
                        known.file.movedTo(path);
                        known.rotated = true;
                    }
                    if (!known.file.isOpen() && known.file.unread() != 0) {
                        waiting.add(known);
                    }
                    continue;
                }
                OpenedFile opened = OpenedFile.open(path, config.fingerprintBytes);
                if (opened == null || Math.floorMod(opened.fingerprint().hashCode(), taskCount) != taskIndex || !opened.isComplete()) {
                    if (opened != null) {
                        opened.close();
                    }
                    continue;
                }
                try {
                    track(opened);
                } catch (IOException | RuntimeException e) {
                    opened.close();
                    throw e;
                }
                FileState tracked = files.get(opened.fingerprint());
                if (tracked != null && tracked.file.isOpen() && ++open > config.maxOpenFiles && tracked.file.suspend()) {
                    open--;
                    waiting.add(tracked);
                }
            } catch (NoSuchFileException e) {
                // Rotated away between listing and opening: the next discovery sees its new name.
            } catch (IOException e) {
                discovery.warnOnce(path, e.toString()); // unreadable (permissions, a corrupt gzip file): tried again next time
            }
        }
        closeFinishedFiles(out);
        disposeCompletedFiles();
        suspendQuietFiles();
        firstDiscovery = false;
        metrics.bytesBehind(lagByFile());
    }

    /** How a newly found file relates to a file read before with the same fingerprint (first line). */
    private enum Relation {
        /** It holds what was read of the other, which is gone: a copytruncate copy, or a restored file. */
        CONTINUES,
        /** It holds the same bytes, but the other is still there: a copy whose original is not yet truncated. */
        COPY_PENDING,
        /** Another file that merely starts alike (a fixed header, a banner). */
        DISTINCT
    }

    private void track(OpenedFile opened) throws IOException {
        String fingerprint = opened.fingerprint();
        boolean copyPending = false;
        for (FileState known : withFingerprint(fingerprint)) {
            boolean tracked = files.get(known.file.id()) == known;
            Relation relation = relation(opened, known, tracked);
            if (relation == Relation.CONTINUES) {
                long position = known.file.position();
                log.info("{} continues {} from offset {}", opened.path(), known.file, position);
                if (tracked) {
                    close(known);
                } else {
                    retired.remove(known.file.id());
                }
                files.put(known.file.id(), known.continueIn(opened.track(known.file.id(), config.maxLineBytes, position, known.file.check())));
                return;
            }
            copyPending |= relation == Relation.COPY_PENDING;
        }
        if (copyPending) {
            opened.close(); // the copy takes over once its original no longer holds that content
            return;
        }
        // A file with this first line read before had the fingerprint; this one then goes by its file key too.
        String own = fingerprint + "@" + String.valueOf(opened.fileKey()).replaceAll("[()]", "");
        boolean fingerprintTaken = false;
        for (String identity : List.of(fingerprint, own)) {
            boolean known = files.containsKey(identity) || retired.containsKey(identity);
            Map<String, Object> committed = known ? null : committedOffset.apply(SourceOffsets.partition(identity));
            if (identity.equals(fingerprint)) {
                fingerprintTaken = known || committed != null;
            }
            long[] offset = SourceOffsets.read(committed);
            if (offset == null) {
                continue; // none, or known and not this file (checked above)
            }
            ContentCheck check = SourceOffsets.check(committed);
            if (check != null && !check.heldBy(opened.channel(), offset[0])) {
                log.info("{} starts like the file read as {} but does not hold what was read of it; not resuming there", opened.path(), identity);
                continue;
            }
            if (!identity.equals(fingerprint)) {
                sharedFingerprints.add(fingerprint);
            }
            FileState state = new FileState(opened.track(identity, config.maxLineBytes, offset[0], check), offset[2], (int) offset[1]);
            log.info("Resuming {} at offset {} (line {}, {} records from there already sent)", opened.path(), offset[0], offset[2], offset[1]);
            files.put(identity, state);
            return;
        }
        String identity = fingerprint;
        if (fingerprintTaken) {
            identity = own;
            sharedFingerprints.add(fingerprint);
        }
        long start = firstDiscovery && config.startPosition == AgentLogSourceConfig.StartPosition.LATEST ? opened.size() : 0;
        ContentCheck check = start == 0 ? ContentCheck.START : ContentCheck.before(opened.channel(), start, ContentCheck.MAX_BYTES);
        files.put(identity, new FileState(opened.track(identity, config.maxLineBytes, start, check), 0, 0));
        log.info("Tailing new file {} from offset {}{}", opened.path(), start,
                identity.equals(fingerprint) ? "" : " as " + identity + ": another file read before starts with the same line");
    }

    /** Tracked, then retired files with this fingerprint; only fingerprints several files share need a search. */
    private List<FileState> withFingerprint(String fingerprint) {
        boolean shared = sharedFingerprints.contains(fingerprint);
        List<FileState> out = new ArrayList<>();
        for (Map<String, FileState> states : List.of(files, retired)) {
            if (!shared) {
                FileState s = states.get(fingerprint);
                if (s != null) {
                    out.add(s);
                }
                continue;
            }
            for (FileState s : states.values()) {
                if (s.file.fingerprint().equals(fingerprint)) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /**
     * Whether the opened file continues a known one. While the known file still holds its content, the two are
     * compared byte for byte as far as both go. Otherwise the opened file must hold the bytes before the known
     * file's position (by their check); when it is shorter than that, it is taken for a copy only if the known file
     * was truncated (a copytruncate copy can be shorter than what was read of the original, when lines came between
     * the copy and the truncation).
     */
    private Relation relation(OpenedFile opened, FileState known, boolean tracked) throws IOException {
        long position = known.file.position();
        // Thorough: a closed file deleted meanwhile may have left its inode, and so its file key, to a new file of
        // the same size at its path.
        boolean stillThere = tracked && known.file.resume() && !known.file.replacedThorough(config.fingerprintBytes)
                && Files.exists(known.file.path());
        boolean same;
        if (stillThere) {
            same = known.file.startsLike(opened.channel(), Math.min(opened.size(), known.file.size()));
        } else if (opened.size() >= position) {
            ContentCheck check = known.file.check();
            same = check == null || check.heldBy(opened.channel(), position);
        } else {
            same = known.truncated;
        }
        if (!same) {
            return Relation.DISTINCT;
        }
        return stillThere ? Relation.COPY_PENDING : Relation.CONTINUES;
    }

    /**
     * Closes files that were rotated away or deleted and have been read to their end. A last line without a newline
     * counts as complete once such a file has not grown for a discovery interval.
     */
    private void closeFinishedFiles(List<SourceRecord> out) throws IOException {
        for (Iterator<FileState> it = files.values().iterator(); it.hasNext(); ) {
            FileState s = it.next();
            boolean gone = !Files.exists(s.file.path()) || !Objects.equals(OpenedFile.fileKey(s.file.path()), s.file.fileKey());
            if (!gone) {
                continue;
            }
            if (s.file.isOpen() && s.file.lag() > 0) {
                boolean quiet = s.file.nanosSinceGrowth() >= config.discoveryIntervalMs * 1_000_000L;
                if (!quiet || !s.file.readRemainderInto((start, end, bytes, length, overlong) -> onLine(s, start, end, bytes, length, overlong, out))) {
                    continue;
                }
            }
            log.info("Finished {}: it was rotated away or deleted and is read to its end", s.file);
            retire(s, out);
            it.remove();
        }
    }

    /**
     * Deletes or moves completed files (completed.file.policy): rotated away, read to their end, quiet, and every
     * record acknowledged. It waits one more offset commit after the last acknowledgement, so the commit that
     * holds the file's final offset has happened before the file goes.
     */
    private void disposeCompletedFiles() throws IOException {
        if (!completed.enabled()) {
            return;
        }
        long idleNanos = config.completedFileIdleMs * 1_000_000L;
        for (Iterator<FileState> it = files.values().iterator(); it.hasNext(); ) {
            FileState s = it.next();
            boolean readOut;
            try {
                readOut = s.file.isOpen() ? s.file.lag() == 0 : s.file.unread() == 0;
            } catch (NoSuchFileException e) {
                continue; // gone: closeFinishedFiles retires it
            }
            if (!s.rotated || !readOut || s.file.nanosSinceGrowth() < idleNanos || (s.parser != null && s.parser.holdsLines())) {
                continue;
            }
            if (s.lastRecordPosition >= 0 && !completed.ackedUpTo(s.file.id(), s.lastRecordPosition)) {
                s.ackedAtCommit = -1;
                continue;
            }
            if (s.ackedAtCommit < 0) {
                s.ackedAtCommit = completed.commits();
            } else if (completed.commits() > s.ackedAtCommit && completed.dispose(s.file.path())) {
                retire(s, List.of());
                it.remove();
                completed.forget(s.file.id());
            }
        }
    }

    /** Kafka acknowledged a record (called on a producer thread). */
    void acked(Map<String, ?> partition, Map<String, ?> offset) {
        completed.acked(partition, offset);
    }

    /** The worker committed offsets (called on the offset-commit thread). */
    void offsetsCommitted() {
        completed.committed();
    }

    /**
     * Keeps at most max.open.files descriptors: closes files read to their end that have been quiet for
     * file.idle.close.ms, then, if files are waiting to be read, more read-out files (quietest first) to make room,
     * and opens the waiting ones as room allows. Closed files are opened again when discovery sees them change.
     */
    private void suspendQuietFiles() throws IOException {
        long idleNanos = config.fileIdleCloseMs * 1_000_000L;
        List<FileState> readOut = new ArrayList<>();
        for (FileState s : files.values()) {
            if (s.file.isOpen() && s.file.lag() == 0 && (s.parser == null || !s.parser.holdsLines())) {
                if (s.file.nanosSinceGrowth() < idleNanos || !s.file.suspend()) {
                    readOut.add(s);
                }
            }
        }
        int open = openFiles();
        if (open + waiting.size() > config.maxOpenFiles) {
            readOut.sort((a, b) -> Long.compare(b.file.nanosSinceGrowth(), a.file.nanosSinceGrowth()));
            for (int i = 0; i < readOut.size() && open + waiting.size() > config.maxOpenFiles; i++) {
                if (readOut.get(i).file.suspend()) {
                    open--;
                }
            }
        }
        for (Iterator<FileState> it = waiting.iterator(); it.hasNext() && open < config.maxOpenFiles; ) {
            FileState w = it.next();
            it.remove();
            // Not if it was retired meanwhile, or its path now holds another file (discovery sees to that one).
            if (files.get(w.file.id()) == w && !w.file.isOpen() && w.file.resume()) {
                open++;
            }
        }
        metrics.openFiles(open);
    }

    private int openFiles() {
        int open = 0;
        for (FileState s : files.values()) {
            open += s.file.isOpen() ? 1 : 0;
        }
        return open;
    }

    private void onLine(FileState state, long start, long end, byte[] bytes, int length, boolean overlong, List<SourceRecord> out) {
        metrics.lineRead(end - start);
        long lineNumber = state.lineNumber++;
        if (length == 0 && !overlong) {
            deliver(state, List.of(), end, out);
            return;
        }
        String file = state.file.path().toString();
        if (overlong) {
            metrics.overlongLine();
            if (config.maxLinePolicy == AgentLogSourceConfig.MaxLinePolicy.SKIP) {
                unreadable(state, start, end, lineNumber, "line longer than max.line.bytes (" + config.maxLineBytes + ")", bytes, length, out);
                return;
            }
        }
        String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
        // The JDK puts U+FFFD where bytes are not UTF-8; only then does the strict decoder, with its buffers, look.
        if (text.indexOf('\uFFFD') >= 0) {
            try {
                utf8.decode(ByteBuffer.wrap(bytes, 0, length));
            } catch (CharacterCodingException e) {
                unreadable(state, start, end, lineNumber, "invalid UTF-8", bytes, length, out);
                return;
            }
        }
        List<AgentEvent> events;
        try {
            events = parser(state, text).parse(text, EventSource.create(file, start, state.format));
        } catch (LineParseException | RuntimeException e) {
            unreadable(state, start, end, lineNumber, e.getMessage() == null ? e.toString() : e.getMessage(), bytes, length, out);
            return;
        }
        deliver(state, events(events), end, out);
    }

    private List<PendingRecord> events(List<AgentEvent> events) {
        List<PendingRecord> pending = new ArrayList<>(events.size());
        for (AgentEvent e : events) {
            pending.add((partition, offset) -> records.event(e, partition, offset));
        }
        return pending;
    }

    /**
     * Adds the records a line (or a parser's flush) made, with offsets that resume correctly: once the parser holds
     * nothing, the last record's offset is just past this line; until then every record's offset is the resume
     * point plus the count of records since it. Records a restart already sent are dropped here.
     */
    private void deliver(FileState state, List<PendingRecord> made, long end, List<SourceRecord> out) {
        boolean settled = state.parser == null || !state.parser.holdsLines();
        String file = state.file.path().toString();
        Map<String, Object> partition = SourceOffsets.partition(state.file.id());
        int emitted = 0;
        for (int i = 0; i < made.size(); i++) {
            state.sinceResume++;
            if (state.toDrop > 0) {
                state.toDrop--;
                continue;
            }
            Map<String, Object> offset = settled && i == made.size() - 1
                    ? SourceOffsets.offset(end, 0, state.lineNumber, file, state.file.check())
                    : SourceOffsets.offset(state.resumePosition, state.sinceResume, state.resumeLine, file, state.resumeCheck);
            out.add(made.get(i).at(partition, offset));
            state.lastRecordPosition = (Long) offset.get(SourceOffsets.POSITION);
            emitted++;
        }
        if (settled) {
            state.resumePosition = end;
            state.resumeCheck = state.file.check();
            state.resumeLine = state.lineNumber;
            state.sinceResume = 0;
            state.toDrop = 0;
        }
        metrics.recordsEmitted(emitted);
    }

    private EventParser parser(FileState state, String firstLine) throws LineParseException {
        if (state.parser == null) {
            String format = config.formatFor(state.file.path());
            EventParserProvider provider = EventParsers.AUTO.equals(format) ? parsers.sniff(firstLine) : parsers.get(format);
            if (provider == null) {
                throw new LineParseException("format=auto recognizes no format in this line");
            }
            state.parser = provider.create(config.parserSettings);
            state.format = provider.name();
        }
        return state.parser;
    }

    private void unreadable(FileState state, long start, long end, long lineNumber, String reason, byte[] bytes, int length,
                            List<SourceRecord> out) {
        metrics.parseError();
        String file = state.file.path().toString();
        if (config.onParseError == AgentLogSourceConfig.OnParseError.FAIL) {
            throw new ConnectException("Unreadable line " + (lineNumber + 1) + " at offset " + start + " of " + file + ": " + reason);
        }
        log.debug("Unreadable line {} at offset {} of {}: {}", lineNumber + 1, start, file, reason);
        byte[] raw = Arrays.copyOf(bytes, Math.min(length, config.errorRawMaxBytes));
        deliver(state, List.of((partition, offset) -> records.error(file, start, end, lineNumber + 1, state.format, reason,
                raw, raw.length, partition, offset)), end, out);
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

    /** Stops reading a file for good: what its parser holds is emitted, and a copy of it may continue later. */
    private void retire(FileState s, List<SourceRecord> out) {
        if (s.parser != null && s.parser.holdsLines()) {
            deliver(s, events(s.parser.finish()), s.file.position(), out);
        }
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
