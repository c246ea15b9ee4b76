package io.agenttelemetry.connect.source.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackedFileTest {
    @TempDir
    Path dir;

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static List<String> read(TrackedFile f, List<long[]> positions, List<Boolean> overlong) throws IOException {
        List<String> lines = new ArrayList<>();
        f.readLinesInto(ByteBuffer.allocate(TrackedFile.READ_BUFFER_BYTES), 1000, (start, end, bytes, len, over) -> {
            lines.add(new String(bytes, 0, len, StandardCharsets.UTF_8));
            positions.add(new long[] {start, end});
            overlong.add(over);
        });
        return lines;
    }

    private TrackedFile track(Path file, int maxLine) throws IOException {
        OpenedFile opened = OpenedFile.open(file, 16);
        assertNotNull(opened, "identifiable");
        return opened.track(opened.fingerprint(), maxLine, 0, ContentCheck.START);
    }

    @Test
    void partialLastLineWaitsForItsNewline() throws IOException {
        Path file = dir.resolve("a.log");
        append(file, "first line\nsecond li");
        try (TrackedFile f = track(file, 1024)) {
            List<long[]> pos = new ArrayList<>();
            assertEquals(List.of("first line"), read(f, pos, new ArrayList<>()));
            assertEquals(11, f.position());
            append(file, "ne\r\nthird\n");
            assertEquals(List.of("second line", "third"), read(f, pos, new ArrayList<>()));
            assertEquals(11, pos.get(1)[0]);
            assertEquals(24, pos.get(1)[1]);
            assertEquals(30, f.position());
            assertEquals(0, f.lag());
        }
    }

    @Test
    void theCheckAtEachLineEndIsTheChecksumOfTheBytesBeforeItAsReadFromTheFile() throws IOException {
        Path file = dir.resolve("check.log");
        append(file, "short\n" + "y".repeat(300) + "\n" + "z".repeat(2000) + "\nlast\n");
        try (TrackedFile f = track(file, 1024);
             java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            assertEquals(ContentCheck.START, f.check());
            List<ContentCheck> seen = new ArrayList<>();
            List<Long> ends = new ArrayList<>();
            f.readLinesInto(ByteBuffer.allocate(TrackedFile.READ_BUFFER_BYTES), 1000, (start, end, bytes, len, over) -> {
                seen.add(f.check());
                ends.add(end);
            });
            assertEquals(4, seen.size());
            for (int i = 0; i < seen.size(); i++) {
                // Across lines, over the 256-byte window, and after an over-long line whose head alone was kept.
                assertEquals(ContentCheck.before(ch, ends.get(i), ContentCheck.MAX_BYTES), seen.get(i), "after line " + i);
                assertTrue(seen.get(i).heldBy(ch, ends.get(i)));
            }
            assertEquals(6, seen.get(0).bytes());
            assertFalse(seen.get(1).heldBy(ch, ends.get(0)), "another position does not hold it");
        }
    }

    @Test
    void overlongLineKeepsOnlyItsHeadAndTheNextLineIsIntact() throws IOException {
        Path file = dir.resolve("b.log");
        append(file, "x".repeat(5000) + "\nshort\n");
        try (TrackedFile f = track(file, 1024)) {
            List<Boolean> over = new ArrayList<>();
            List<String> lines = read(f, new ArrayList<>(), over);
            assertEquals(2, lines.size());
            assertEquals(1024, lines.get(0).length());
            assertEquals(List.of(true, false), over);
            assertEquals("short", lines.get(1));
        }
    }

    @Test
    void leadingNulsAfterCopytruncateAreSkipped() throws IOException {
        Path file = dir.resolve("c.log");
        Files.write(file, new byte[] {'h', 'e', 'a', 'd', '\n', 0, 0, 0, 'n', 'e', 'x', 't', '\n'});
        try (TrackedFile f = track(file, 1024)) {
            List<long[]> pos = new ArrayList<>();
            assertEquals(List.of("head", "next"), read(f, pos, new ArrayList<>()));
            assertEquals(8, pos.get(1)[0]);
        }
    }

    @Test
    void fingerprintNeedsACompleteFirstLineOrEnoughBytesAndIgnoresGrowth() throws IOException {
        Path file = dir.resolve("d.log");
        append(file, "short");
        assertNull(OpenedFile.open(file, 64));
        append(file, " first line\n");
        OpenedFile first = OpenedFile.open(file, 64);
        append(file, "more lines\nand more\n");
        OpenedFile later = OpenedFile.open(file, 64);
        assertEquals(first.fingerprint(), later.fingerprint());
        first.close();
        later.close();
        Path other = dir.resolve("e.log");
        append(other, "another first line\n");
        OpenedFile o = OpenedFile.open(other, 64);
        assertFalse(o.fingerprint().equals(first.fingerprint()));
        o.close();
        Path longLine = dir.resolve("f.log");
        append(longLine, "y".repeat(100));
        OpenedFile l = OpenedFile.open(longLine, 64);
        assertNotNull(l, "64 bytes without a newline are enough");
        assertTrue(l.fingerprint().matches("[0-9a-f]{32}"));
        l.close();
    }
}
