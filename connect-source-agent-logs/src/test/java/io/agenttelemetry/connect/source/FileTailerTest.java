package io.agenttelemetry.connect.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTailerTest {
    @TempDir
    Path dir;

    /** Offsets "committed" so far, as the worker's offset store would hold them. */
    private final Map<Map<String, Object>, Map<String, Object>> committed = new HashMap<>();

    private FileTailer tailer(Map<String, String> extra) {
        return tailer(extra, 0, 1);
    }

    private FileTailer tailer(Map<String, String> extra, int index, int count) {
        Map<String, String> props = new HashMap<>();
        props.put("paths", dir + "/**.log*," + dir + "/*.jsonl");
        props.put("discovery.interval.ms", "100000");
        props.putAll(extra);
        return new FileTailer(new AgentLogSourceConfig(props), index, count, committed::get, new SourceTaskMetrics());
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** logrotate's copytruncate: copy the file, then truncate it in place. */
    private static void copyTruncate(Path file, Path copy) throws IOException {
        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        truncate(file);
    }

    private static void truncate(Path file) throws IOException {
        try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(0);
        }
    }

    private List<SourceRecord> drain(FileTailer t) throws IOException {
        List<SourceRecord> all = new ArrayList<>();
        t.requestDiscovery();
        // A poll can come back empty while lines were read (held by a parser, or dropped after a restart): stop at
        // the second empty poll in a row.
        int empty = 0;
        while (empty < 2) {
            List<SourceRecord> batch = t.poll();
            all.addAll(batch);
            empty = batch.isEmpty() ? empty + 1 : 0;
        }
        all.forEach(r -> commit(r));
        return all;
    }

    @SuppressWarnings("unchecked")
    private void commit(SourceRecord r) {
        committed.put((Map<String, Object>) r.sourcePartition(), (Map<String, Object>) r.sourceOffset());
    }

    private static List<String> bodies(List<SourceRecord> records) {
        List<String> out = new ArrayList<>();
        for (SourceRecord r : records) {
            if (r.topic().equals("agent-events")) {
                out.add(((Struct) r.value()).getString("body"));
            }
        }
        return out;
    }

    private static String jsonLine(int i) {
        return "{\"ts\":\"2026-11-26T10:00:00Z\",\"level\":\"INFO\",\"msg\":\"line " + i + "\",\"trace_id\":\"ABCD" + i + "\"}\n";
    }

    @Test
    void aFileWithALargeBacklogDoesNotStarveALiveFile() throws IOException {
        StringBuilder history = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            history.append(jsonLine(i).replace("line ", "history "));
        }
        append(dir.resolve("a-history.log"), history.toString());
        append(dir.resolve("b-live.log"), jsonLine(1).replace("line ", "live "));
        try (FileTailer t = tailer(Map.of("batch.max.records", "100"))) {
            t.requestDiscovery();
            List<String> seen = new ArrayList<>();
            for (int poll = 0; poll < 3; poll++) {
                seen.addAll(bodies(t.poll()));
            }
            assertTrue(seen.contains("live 1"), "the live line within three polls of 100 records, beside a backlog of 5,000");
        }
    }

    @Test
    void jsonLinesBecomeLogEventsKeyedByTraceId() throws IOException {
        Path file = dir.resolve("agent.log");
        append(file, jsonLine(1) + jsonLine(2));
        try (FileTailer t = tailer(Map.of())) {
            List<SourceRecord> records = drain(t);
            assertEquals(List.of("line 1", "line 2"), bodies(records));
            Struct first = (Struct) records.get(0).value();
            assertEquals("LOG", first.getString("eventType"));
            assertEquals("INFO", first.getString("severityText"));
            assertEquals("abcd1", records.get(0).key());
            assertEquals(java.time.Instant.parse("2026-11-26T10:00:00Z").toEpochMilli(), records.get(0).timestamp());
            assertEquals("jsonl", first.getStruct("source").getString("format"));
            assertEquals(0L, first.getStruct("source").getInt64("offset"));
        }
    }

    @Test
    void appendedLinesArriveAndPartialLinesWait() throws IOException {
        Path file = dir.resolve("agent.log");
        append(file, jsonLine(1));
        try (FileTailer t = tailer(Map.of())) {
            assertEquals(List.of("line 1"), bodies(drain(t)));
            String two = jsonLine(2);
            append(file, two.substring(0, 20));
            assertEquals(List.of(), bodies(drain(t)));
            append(file, two.substring(20) + jsonLine(3));
            assertEquals(List.of("line 2", "line 3"), bodies(drain(t)));
        }
    }

    @Test
    void otlpLinesEmitOneRecordPerSpanAndResumeInsideALineWithoutLossOrDuplicates() throws IOException {
        Path corpus = Paths.get(System.getProperty("testdata.dir"), "corpus/agent-traces/crewai-telemetry/crewai-telemetry.otlp.jsonl");
        Path file = dir.resolve("traces.jsonl");
        Files.copy(corpus, file);
        Set<String> all = new HashSet<>();
        try (FileTailer t = tailer(Map.of("format", "otlp-json"))) {
            for (SourceRecord r : drain(t)) {
                Struct s = (Struct) r.value();
                assertTrue(all.add(s.getString("traceId") + "/" + s.getString("spanId")));
            }
        }
        assertTrue(all.size() > 65, "spans: " + all.size());

        // Pretend the worker crashed right after committing the first span of a multi-span line.
        committed.clear();
        List<SourceRecord> firstRun = new ArrayList<>();
        try (FileTailer t = tailer(Map.of("format", "otlp-json"))) {
            t.requestDiscovery();
            for (SourceRecord r : t.poll()) {
                firstRun.add(r);
                if (((Number) r.sourceOffset().get("skip")).intValue() > 0) {
                    break;
                }
            }
        }
        assertTrue(((Number) firstRun.get(firstRun.size() - 1).sourceOffset().get("skip")).intValue() > 0,
                "the corpus has a line with several spans");
        firstRun.forEach(this::commit);
        Set<String> resumed = new HashSet<>();
        firstRun.forEach(r -> resumed.add(((Struct) r.value()).getString("traceId") + "/" + ((Struct) r.value()).getString("spanId")));
        try (FileTailer t = tailer(Map.of("format", "otlp-json"))) {
            for (SourceRecord r : drain(t)) {
                Struct s = (Struct) r.value();
                assertTrue(resumed.add(s.getString("traceId") + "/" + s.getString("spanId")), "duplicate after resume");
            }
        }
        assertEquals(all, resumed);
    }

    @Test
    void restartResumesAfterTheLastCommittedLine() throws IOException {
        Path file = dir.resolve("agent.log");
        append(file, jsonLine(1) + jsonLine(2));
        try (FileTailer t = tailer(Map.of())) {
            drain(t);
        }
        append(file, jsonLine(3));
        try (FileTailer t = tailer(Map.of())) {
            assertEquals(List.of("line 3"), bodies(drain(t)));
        }
    }

    /** How a test rotates agent.log in round r. */
    @FunctionalInterface
    private interface Rotation {
        void rotate(Path file, int round) throws IOException;
    }

    /**
     * Rounds of: 10 lines, a read, one line the reader has not seen yet, the rotation, then linesAfter lines into
     * the new or truncated file. Every line must come out exactly once.
     */
    private void assertRotationsLoseAndDuplicateNothing(int rounds, int linesAfter, Rotation rotation) throws IOException {
        Path file = dir.resolve("agent.log");
        List<String> expected = new ArrayList<>();
        List<String> got = new ArrayList<>();
        try (FileTailer t = tailer(Map.of())) {
            int n = 0;
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < 10; i++) {
                    append(file, jsonLine(++n));
                    expected.add("line " + n);
                }
                got.addAll(bodies(drain(t)));
                append(file, jsonLine(++n));
                expected.add("line " + n);
                rotation.rotate(file, round);
                for (int i = 0; i < linesAfter; i++) {
                    append(file, jsonLine(++n));
                    expected.add("line " + n);
                }
                got.addAll(bodies(drain(t)));
                got.addAll(bodies(drain(t)));
            }
        }
        assertEquals(new HashSet<>(expected), new HashSet<>(got));
        assertEquals(expected.size(), got.size(), "no duplicates");
    }

    @Test
    void renameRotationLosesAndDuplicatesNothing() throws IOException {
        // The renamed file is read to its end through the channel still open on it.
        assertRotationsLoseAndDuplicateNothing(5, 1, (file, round) -> Files.move(file, dir.resolve("agent.log." + round)));
    }

    @Test
    void copytruncateRotationWithTheCopyInThePatternLosesAndDuplicatesNothing() throws IOException {
        assertRotationsLoseAndDuplicateNothing(5, 1, (file, round) -> copyTruncate(file, dir.resolve("agent.log." + round)));
    }

    @Test
    void copytruncateFollowedByFastRegrowthIsStillNoticed() throws IOException {
        // The writer refills the truncated file past our old position before we look again.
        assertRotationsLoseAndDuplicateNothing(3, 20, (file, round) -> copyTruncate(file, dir.resolve("agent.log." + round)));
    }

    /** logrotate's compress: the rotated file is gzipped to name.gz and then removed. */
    private static void compress(Path file) throws IOException {
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(Paths.get(file + ".gz")))) {
            Files.copy(file, out);
        }
        Files.delete(file);
    }

    @Test
    void renameRotationCompressedAtOnceLosesAndDuplicatesNothing() throws IOException {
        // The rotated file is gone before it is seen under its new name; its gzip file holds the same lines.
        assertRotationsLoseAndDuplicateNothing(5, 1, (file, round) -> {
            Path rotated = dir.resolve("agent.log." + round);
            Files.move(file, rotated);
            compress(rotated);
        });
    }

    @Test
    void linesWrittenWhileTheConnectorWasDownAreReadFromTheCompressedRotatedFile() throws IOException {
        Path file = dir.resolve("agent.log");
        append(file, jsonLine(1) + jsonLine(2));
        try (FileTailer t = tailer(Map.of())) {
            assertEquals(List.of("line 1", "line 2"), bodies(drain(t)));
        }
        append(file, jsonLine(3) + jsonLine(4));
        Path rotated = dir.resolve("agent.log.1");
        Files.move(file, rotated);
        compress(rotated);
        append(file, jsonLine(5));
        try (FileTailer t = tailer(Map.of())) {
            assertEquals(Set.of("line 3", "line 4", "line 5"), new HashSet<>(bodies(drain(t))));
            assertEquals(List.of(), bodies(drain(t)));
        }
        try (FileTailer t = tailer(Map.of())) {
            assertEquals(List.of(), bodies(drain(t)), "after another restart: nothing again");
        }
    }

    @Test
    void aClosedFileRotatedAndCompressedBeforeItWasReadAgainContinuesInItsGzipFile() throws IOException {
        Path file = dir.resolve("agent.log");
        append(file, jsonLine(1));
        SourceTaskMetrics metrics = new SourceTaskMetrics();
        Map<String, String> props = new HashMap<>(Map.of("paths", dir + "/agent.log*", "discovery.interval.ms", "100000",
                "file.idle.close.ms", "0"));
        try (FileTailer t = new FileTailer(new AgentLogSourceConfig(props), 0, 1, committed::get, metrics)) {
            assertEquals(List.of("line 1"), bodies(drain(t)));
            drain(t);
            assertEquals(0, metrics.getOpenFiles(), "read out and quiet: closed");
            append(file, jsonLine(2));
            Path rotated = dir.resolve("agent.log.1");
            Files.move(file, rotated);
            compress(rotated);
            append(file, jsonLine(3));
            // The new agent.log may have the old one's inode: then it is found new only at the next discovery.
            List<String> got = bodies(drain(t));
            got.addAll(bodies(drain(t)));
            assertEquals(List.of("line 2", "line 3"), got);
            for (int i = 0; i < 3; i++) {
                assertEquals(List.of(), bodies(drain(t)));
            }
            assertEquals(0, metrics.getOpenFiles(), "the read-out gzip file is closed too, and not opened again");
            assertEquals(0L, t.lagByFile().get(dir.resolve("agent.log.1.gz").toString()));
        }
    }

    @Test
    void theLastLineOfAGzipFileNeedsNoNewline() throws IOException {
        Path rotated = dir.resolve("agent.log.1");
        append(rotated, jsonLine(1) + jsonLine(2).trim());
        compress(rotated);
        try (FileTailer t = tailer(Map.of())) {
            assertEquals(List.of("line 1", "line 2"), bodies(drain(t)));
            assertEquals(List.of(), bodies(drain(t)));
        }
        try (FileTailer t = tailer(Map.of())) {
            assertEquals(List.of(), bodies(drain(t)), "after a restart");
        }
    }

    @Test
    void aGzipFileIsReadOnlyOnceItIsWholeAndACorruptOneStopsNothingElse() throws IOException {
        StringBuilder old = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            old.append(jsonLine(i).replace("line ", "archived "));
        }
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(old.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = gz.toByteArray();
        Path archive = dir.resolve("agent.log.2.gz");
        Files.write(archive, java.util.Arrays.copyOf(whole, whole.length / 2));
        byte[] corrupt = whole.clone();
        for (int i = 20; i < corrupt.length; i += 7) {
            corrupt[i] ^= 0x33;
        }
        Files.write(dir.resolve("other.log.gz"), corrupt);
        append(dir.resolve("agent.log"), jsonLine(1));
        try (FileTailer t = tailer(Map.of())) {
            assertEquals(List.of("line 1"), bodies(drain(t)), "half a gzip file: not read yet; a corrupt one: skipped");
            Files.write(archive, whole);
            List<String> got = bodies(drain(t));
            assertEquals(3_000, got.size());
            assertEquals(3_000, new HashSet<>(got).size());
            append(dir.resolve("agent.log"), jsonLine(2));
            assertEquals(List.of("line 2"), bodies(drain(t)));
        }
    }

    /** The same first line in every file, as a fixed header or start-up banner gives: the same fingerprint. */
    private static final String BANNER = "{\"ts\":\"2026-11-26T09:00:00Z\",\"level\":\"INFO\",\"msg\":\"agent started\"}\n";

    @Test
    void filesThatStartWithTheSameLineAreTwoFilesAlsoAfterARestart() throws IOException {
        Path a = dir.resolve("a.log");
        Path b = dir.resolve("b.log");
        append(a, BANNER + jsonLine(1) + jsonLine(2));
        append(b, BANNER + jsonLine(11) + jsonLine(12) + jsonLine(13));
        try (FileTailer t = tailer(Map.of())) {
            List<String> got = bodies(drain(t));
            got.sort(null);
            assertEquals(List.of("agent started", "agent started", "line 1", "line 11", "line 12", "line 13", "line 2"), got);
            append(a, jsonLine(3));
            append(b, jsonLine(14));
            got = bodies(drain(t));
            got.sort(null);
            assertEquals(List.of("line 14", "line 3"), got);
        }
        assertEquals(2, committed.size(), "each file has its own source partition");
        append(a, jsonLine(4));
        append(b, jsonLine(15));
        try (FileTailer t = tailer(Map.of())) {
            List<String> got = bodies(drain(t));
            got.sort(null);
            assertEquals(List.of("line 15", "line 4"), got, "each resumes at its own offset");
        }
    }

    @Test
    void aNewFileThatStartsLikeTheOneRotatedAwayIsReadFromItsStart() throws IOException {
        Path file = dir.resolve("agent.log");
        append(file, BANNER + jsonLine(1) + jsonLine(2) + jsonLine(3));
        try (FileTailer t = tailer(Map.of())) {
            assertEquals(List.of("agent started", "line 1", "line 2", "line 3"), bodies(drain(t)));
            Files.move(file, dir.resolve("agent.log.1"));
            append(file, BANNER + jsonLine(4)); // shorter than what was read of the old one
            assertEquals(List.of("agent started", "line 4"), bodies(drain(t)));
            Files.delete(dir.resolve("agent.log.1"));
            append(file, jsonLine(5));
            assertEquals(List.of("line 5"), bodies(drain(t)));
        }
    }

    @Test
    void aFileThatStartsLikeOneReadBeforeDoesNotInheritItsOffset() throws IOException {
        Path file = dir.resolve("agent.log");
        append(file, BANNER + jsonLine(1) + jsonLine(2));
        try (FileTailer t = tailer(Map.of())) {
            drain(t);
            Files.delete(file);
            drain(t);
            // Read to its end and gone; the next file begins the same way and is longer than its offset.
            append(file, BANNER + jsonLine(30) + jsonLine(31) + jsonLine(32));
            assertEquals(List.of("agent started", "line 30", "line 31", "line 32"), bodies(drain(t)));
        }
        Files.delete(file);
        append(file, BANNER + jsonLine(40));
        try (FileTailer t = tailer(Map.of())) {
            assertEquals(List.of("agent started", "line 40"), bodies(drain(t)), "after a restart, against the committed offsets");
        }
    }

    @Test
    void aCopytruncateCopyShorterThanWhatWasReadIsNotReadAgain() throws IOException {
        Path file = dir.resolve("agent.log");
        append(file, BANNER + jsonLine(1) + jsonLine(2));
        try (FileTailer t = tailer(Map.of())) {
            assertEquals(List.of("agent started", "line 1", "line 2"), bodies(drain(t)));
            Files.copy(file, dir.resolve("agent.log.1"));
            append(file, jsonLine(3)); // between logrotate's copy and its truncation: in the original only
            assertEquals(List.of("line 3"), bodies(drain(t)));
            truncate(file);
            append(file, jsonLine(4));
            assertEquals(List.of("line 4"), bodies(drain(t)));
            assertEquals(List.of(), bodies(drain(t)));
        }
    }

    @Test
    void aTruncatedFileRefilledToExactlyTheOldLengthIsNoticedAtTheNextDiscovery() throws IOException {
        Path file = dir.resolve("agent.log");
        try (FileTailer t = tailer(Map.of())) {
            append(file, jsonLine(10) + jsonLine(11));
            assertEquals(List.of("line 10", "line 11"), bodies(drain(t)));
            truncate(file);
            // Same byte length as before: a size comparison alone sees nothing new.
            append(file, jsonLine(20) + jsonLine(21));
            assertEquals(List.of("line 20", "line 21"), bodies(drain(t)));
        }
    }

    @Test
    void tasksSplitFilesDisjointly() throws IOException {
        for (int f = 0; f < 20; f++) {
            append(dir.resolve("agent-" + f + ".log"), jsonLine(f));
        }
        Set<String> task0 = new HashSet<>(bodies(drain(tailer(Map.of(), 0, 2))));
        Set<String> task1 = new HashSet<>(bodies(drain(tailer(Map.of(), 1, 2))));
        assertEquals(20, task0.size() + task1.size());
        assertTrue(!task0.isEmpty() && !task1.isEmpty(), "both tasks got files: " + task0.size() + "/" + task1.size());
        task0.retainAll(task1);
        assertEquals(Set.of(), task0);
    }

    @Test
    void badLinesGoToTheErrorTopicWithPositionAndReasonAndGoodLinesContinue() throws IOException {
        Path file = dir.resolve("agent.log");
        append(file, jsonLine(1));
        long badAt = Files.size(file);
        append(file, "{\"not\": json\n");
        Files.write(file, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'}, StandardOpenOption.APPEND);
        append(file, "x".repeat(3000) + "\n");
        append(file, jsonLine(2));
        try (FileTailer t = tailer(Map.of("max.line.bytes", "2048"))) {
            List<SourceRecord> records = drain(t);
            assertEquals(List.of("line 1", "line 2"), bodies(records));
            List<Struct> errors = new ArrayList<>();
            records.stream().filter(r -> r.topic().equals("agent-events.errors")).forEach(r -> errors.add((Struct) r.value()));
            assertEquals(3, errors.size());
            assertEquals(badAt, errors.get(0).getInt64("offset"));
            assertEquals(2L, errors.get(0).getInt64("line"));
            assertTrue(errors.get(0).getString("reason").startsWith("not JSON"), errors.get(0).getString("reason"));
            assertEquals("invalid UTF-8", errors.get(1).getString("reason"));
            assertTrue(errors.get(2).getString("reason").contains("max.line.bytes"));
            assertEquals(2048, errors.get(2).getInt64("length") > 2048 ? 2048 : -1, "over-long line's length is recorded");
            assertEquals(4096 >= 2048, errors.get(2).getBytes("raw").length == 2048, "its head, bounded, is kept");
        }
    }

    @Test
    void failPolicyStopsAtTheFirstBadLine() throws IOException {
        append(dir.resolve("agent.log"), "garbage\n");
        try (FileTailer t = tailer(Map.of("on.parse.error", "fail", "format", "jsonl"))) {
            ConnectException e = assertThrows(ConnectException.class, () -> drain(t));
            assertTrue(e.getMessage().contains("agent.log"), e.getMessage());
        }
    }

    @Test
    void latestStartSkipsWhatIsAlreadyThereAtFirstStart() throws IOException {
        Path file = dir.resolve("agent.log");
        append(file, jsonLine(1));
        try (FileTailer t = tailer(Map.of("start.position", "latest"))) {
            assertEquals(List.of(), bodies(drain(t)));
            append(file, jsonLine(2));
            assertEquals(List.of("line 2"), bodies(drain(t)));
        }
    }

    /** Bodies of the event records, or tool-call ids and names for spans without a body. */
    private static List<String> events(List<SourceRecord> records) {
        List<String> out = new ArrayList<>();
        for (SourceRecord r : records) {
            Struct v = (Struct) r.value();
            out.add(r.topic().equals("agent-events") ? v.getString("eventType") + ":" + v.getString("name") + ":" + v.getString("spanId")
                    + ":" + v.getString("body") : "error:" + v.getString("reason"));
        }
        return out;
    }

    /**
     * Reads the file once, then pretends the worker crashed right after committing record k, for every k: a new
     * tailer must emit exactly the records after k, whatever lines its parser was holding at that point.
     */
    private void assertResumesExactlyAfterEveryRecord(Map<String, String> props) throws IOException {
        List<SourceRecord> all;
        committed.clear();
        try (FileTailer t = tailer(props)) {
            all = drain(t);
        }
        List<String> expected = events(all);
        assertTrue(all.size() > 3, "records: " + expected);
        for (int k = 0; k < all.size(); k++) {
            committed.clear();
            commit(all.get(k));
            try (FileTailer t = tailer(props)) {
                assertEquals(expected.subList(k + 1, expected.size()), events(drain(t)), "after committing record " + k);
            }
        }
    }

    @Test
    void multiLineEventsResumeExactlyWhereverTheWorkerStopped() throws IOException {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            log.append("2026-11-26 10:00:0").append(i).append(",000 INFO step ").append(i).append('\n');
            if (i % 2 == 0) {
                log.append("Traceback (most recent call last):\n  File \"agent.py\", line ").append(i).append('\n')
                        .append("ValueError: bad ").append(i).append('\n');
            }
        }
        log.append("\n");
        append(dir.resolve("agent.log"), log.toString());
        Map<String, String> props = Map.of("format", "text", "multiline.start.pattern", "^\\d{4}-\\d{2}-\\d{2} ",
                "text.pattern", "^(?<time>\\S+ \\S+) (?<level>\\w+) (?<message>.*)$",
                "timestamp.format", "yyyy-MM-dd HH:mm:ss,SSS", "multiline.flush.ms", "0", "batch.max.records", "3");
        try (FileTailer t = tailer(props)) {
            List<SourceRecord> records = drain(t);
            assertEquals(6, records.size(), events(records).toString());
            Struct first = (Struct) records.get(0).value();
            assertEquals("step 0\nTraceback (most recent call last):\n  File \"agent.py\", line 0\nValueError: bad 0", first.getString("body"));
            assertEquals("INFO", first.getString("severityText"));
        }
        assertResumesExactlyAfterEveryRecord(props);
    }

    @Test
    void claudeCodeToolCallsPairAcrossLinesAndResumeExactlyWhereverTheWorkerStopped() throws IOException {
        Path corpus = Paths.get(System.getProperty("testdata.dir"), "corpus/agent-logs/claude-code/claude-code-log_representative_messages.jsonl");
        Files.copy(corpus, dir.resolve("session.jsonl"));
        Map<String, String> props = Map.of("format", "auto", "batch.max.records", "2");
        try (FileTailer t = tailer(props)) {
            List<String> got = events(drain(t));
            assertEquals(2, got.stream().filter(e -> e.contains(":execute_tool ")).count(), got.toString());
        }
        assertResumesExactlyAfterEveryRecord(props);
    }

    @Test
    void theLastLineOfARotatedAwayFileIsEmittedEvenWithoutANewline() throws IOException {
        Path file = dir.resolve("agent.log");
        append(file, jsonLine(1) + jsonLine(2).trim());
        try (FileTailer t = tailer(Map.of("discovery.interval.ms", "100"))) {
            assertEquals(List.of("line 1"), bodies(drain(t)));
            Files.move(file, dir.resolve("rotated.old"));
            append(file, jsonLine(3));
            List<String> got = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 5000;
            while (got.size() < 2 && System.currentTimeMillis() < deadline) {
                got.addAll(bodies(drain(t)));
            }
            assertEquals(Set.of("line 2", "line 3"), new HashSet<>(got));
        }
    }

    @Test
    void topicPlaceholdersGiveEachFormatAndDirectoryItsOwnTopic() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("claude agents"));
        Files.copy(Paths.get(System.getProperty("testdata.dir"), "corpus/agent-logs/claude-code/claude-code-log_session_b.jsonl"),
                sub.resolve("session.log"));
        append(dir.resolve("agent.log"), jsonLine(1));
        try (FileTailer t = tailer(Map.of("topic", "agents.{format}.{type}.{dir}"))) {
            Set<String> topics = new HashSet<>();
            drain(t).forEach(r -> topics.add(r.topic()));
            assertEquals(Set.of("agents.jsonl.log." + dir.getFileName(), "agents.claude-code.log.claude_agents",
                    "agents.claude-code.span.claude_agents"), topics);
        }
    }

    @Test
    void manyFilesNeedNoMoreThanMaxOpenFilesDescriptorsAndClosedFilesAreReadAgainWhenTheyGrow() throws IOException {
        int files = 60;
        List<String> expected = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            append(dir.resolve("agent-" + f + ".log"), jsonLine(f));
            expected.add("line " + f);
        }
        SourceTaskMetrics metrics = new SourceTaskMetrics();
        Map<String, String> props = new HashMap<>(Map.of("paths", dir + "/*.log", "discovery.interval.ms", "100000", "max.open.files", "7"));
        try (FileTailer t = new FileTailer(new AgentLogSourceConfig(props), 0, 1, committed::get, metrics)) {
            List<String> got = new ArrayList<>(bodies(drain(t)));
            t.requestDiscovery();
            t.poll();
            assertTrue(metrics.getOpenFiles() <= 7, "open: " + metrics.getOpenFiles());
            assertEquals(files, metrics.getTrackedFiles());
            for (int f = 0; f < files; f++) {
                append(dir.resolve("agent-" + f + ".log"), jsonLine(1000 + f));
                expected.add("line " + (1000 + f));
            }
            long fdsBefore = openDescriptors();
            t.requestDiscovery(); // as the discovery interval would
            for (int i = 0; i < 200 && got.size() < expected.size(); i++) {
                got.addAll(bodies(t.poll()));
                assertTrue(metrics.getOpenFiles() <= 7, "open: " + metrics.getOpenFiles());
                assertTrue(openDescriptors() <= fdsBefore + 7, "descriptors of this process: " + openDescriptors());
            }
            assertEquals(new HashSet<>(expected), new HashSet<>(got));
            assertEquals(expected.size(), got.size());
        }
    }

    @Test
    void tenThousandFilesAreReadWholeThroughAFewDescriptors() throws IOException {
        int files = 10_000;
        List<String> expected = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            Path sub = dir.resolve("agent-" + (f % 100));
            Files.createDirectories(sub);
            append(sub.resolve("session-" + f + ".log"), jsonLine(f));
            expected.add("line " + f);
        }
        SourceTaskMetrics metrics = new SourceTaskMetrics();
        Map<String, String> props = new HashMap<>(Map.of("paths", dir + "/**/*.log", "discovery.interval.ms", "100000",
                "max.open.files", "64"));
        long fdsBefore = openDescriptors();
        long heapBefore = heapAfterGc();
        try (FileTailer t = new FileTailer(new AgentLogSourceConfig(props), 0, 1, committed::get, metrics)) {
            List<String> got = new ArrayList<>();
            t.requestDiscovery();
            // An empty poll while files wait for a descriptor brings the next discovery forward; no polls are wasted.
            for (int i = 0; i < 2 * files && got.size() < expected.size(); i++) {
                got.addAll(bodies(t.poll()));
                assertTrue(metrics.getOpenFiles() <= 64, "open: " + metrics.getOpenFiles());
                if (i % 50 == 0) {
                    assertTrue(openDescriptors() <= fdsBefore + 64, "descriptors of this process: " + openDescriptors());
                }
            }
            assertEquals(files, metrics.getTrackedFiles());
            assertEquals(expected.size(), got.size());
            assertEquals(new HashSet<>(expected), new HashSet<>(got));
            got = null;
            // What a tracked file keeps while closed is small: a read buffer each would be 64 KiB, 640 MB for all.
            long perFile = (heapAfterGc() - heapBefore) / files;
            assertTrue(perFile < 8 * 1024, "heap per tracked file: " + perFile + " bytes");
            // Some of them grow again: closed files are opened again and read on.
            List<String> more = new ArrayList<>();
            for (int f = 0; f < files; f += 37) {
                append(dir.resolve("agent-" + (f % 100)).resolve("session-" + f + ".log"), jsonLine(100_000 + f));
                more.add("line " + (100_000 + f));
            }
            List<String> again = new ArrayList<>();
            t.requestDiscovery();
            for (int i = 0; i < 2 * files && again.size() < more.size(); i++) {
                again.addAll(bodies(t.poll()));
                assertTrue(metrics.getOpenFiles() <= 64, "open: " + metrics.getOpenFiles());
            }
            assertEquals(new HashSet<>(more), new HashSet<>(again));
            assertEquals(more.size(), again.size());
        }
    }

    private static long heapAfterGc() {
        System.gc();
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long openDescriptors() throws IOException {
        try (var fds = Files.list(Paths.get("/proc/self/fd"))) {
            return fds.count();
        }
    }

    @Test
    void aCompletedFileIsDeletedOnlyAfterItsRecordsAreAcknowledgedAndAnOffsetCommitFollowed() throws IOException {
        Path file = dir.resolve("agent.log");
        Path rotated = dir.resolve("agent.log.1");
        append(file, jsonLine(1) + jsonLine(2));
        Map<String, String> props = Map.of("completed.file.policy", "delete", "completed.file.idle.ms", "0");
        try (FileTailer t = tailer(props)) {
            List<SourceRecord> first = drain(t);
            Files.move(file, rotated);
            append(file, jsonLine(3));
            List<SourceRecord> second = drain(t);
            assertEquals(List.of("line 3"), bodies(second));
            drain(t);
            assertTrue(Files.exists(rotated), "nothing acknowledged yet");

            first.forEach(r -> t.acked(r.sourcePartition(), r.sourceOffset()));
            drain(t);
            assertTrue(Files.exists(rotated), "acknowledged, but no offset commit since");
            t.offsetsCommitted();
            drain(t);
            assertTrue(Files.exists(file), "the live file is never completed");
            assertTrue(!Files.exists(rotated), "acknowledged and committed: deleted");
        }
    }

    @Test
    void moveNeedsADirectory() {
        assertThrows(org.apache.kafka.common.config.ConfigException.class, () -> tailer(Map.of("completed.file.policy", "move")));
    }

    @Test
    void formatByPathPicksEachFilesFormatByGlob() throws IOException {
        Path text = dir.resolve("planner.log");
        append(text, "2026-11-26 10:00:00,000 ERROR boom\n  at a.B(B.java:1)\n2026-11-26 10:00:01,000 INFO ok\n");
        append(dir.resolve("agent.jsonl"), jsonLine(1));
        try (FileTailer t = tailer(Map.of("format", "jsonl", "format.by.path", "**/planner.log=text",
                "multiline.start.pattern", "^\\d{4}-", "multiline.flush.ms", "0"))) {
            List<SourceRecord> records = drain(t);
            Map<String, List<String>> byFormat = new HashMap<>();
            for (SourceRecord r : records) {
                Struct v = (Struct) r.value();
                byFormat.computeIfAbsent(v.getStruct("source").getString("format"), k -> new ArrayList<>()).add(v.getString("body"));
            }
            assertEquals(List.of("2026-11-26 10:00:00,000 ERROR boom\n  at a.B(B.java:1)", "2026-11-26 10:00:01,000 INFO ok"), byFormat.get("text"));
            assertEquals(List.of("line 1"), byFormat.get("jsonl"));
        }
        assertThrows(org.apache.kafka.common.config.ConfigException.class, () -> tailer(Map.of("format.by.path", "*.log=nonsense")));
    }

    @Test
    void deeplyNestedJsonBinaryGarbageAndAFiftyMegabyteLineAreErrorsAndTheFileGoesOn() throws IOException {
        Path file = dir.resolve("agent.log");
        append(file, jsonLine(1));
        append(file, "{\"args\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}\n");
        byte[] garbage = new byte[4096];
        new java.util.Random(1).nextBytes(garbage);
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = garbage[i] == '\n' ? 0x7f : garbage[i];
        }
        Files.write(file, garbage, StandardOpenOption.APPEND);
        Files.write(file, new byte[] {'\n'}, StandardOpenOption.APPEND);
        byte[] huge = new byte[50 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'x');
        Files.write(file, huge, StandardOpenOption.APPEND);
        Files.write(file, new byte[] {'\n'}, StandardOpenOption.APPEND);
        append(file, jsonLine(2));
        SourceTaskMetrics metrics = new SourceTaskMetrics();
        Map<String, String> props = new HashMap<>(Map.of("paths", dir + "/*.log", "format", "jsonl", "discovery.interval.ms", "100000"));
        try (FileTailer t = new FileTailer(new AgentLogSourceConfig(props), 0, 1, committed::get, metrics)) {
            List<SourceRecord> records = drain(t);
            assertEquals(List.of("line 1", "line 2"), bodies(records));
            List<Struct> errors = new ArrayList<>();
            records.stream().filter(r -> r.topic().equals("agent-events.errors")).forEach(r -> errors.add((Struct) r.value()));
            assertEquals(3, errors.size(), errors.toString());
            assertTrue(errors.get(0).getString("reason").startsWith("not JSON"), "nesting: " + errors.get(0).getString("reason"));
            assertTrue(errors.get(2).getString("reason").contains("max.line.bytes"), errors.get(2).getString("reason"));
            assertEquals(50L * 1024 * 1024 + 1, errors.get(2).getInt64("length"));
            assertTrue(errors.get(2).getBytes("raw").length <= 4096, "raw bytes in the error record stay bounded");
            assertEquals(3, metrics.getParseErrors());
            assertEquals(1, metrics.getOverlongLines());
        }
    }
}
