package io.agenttelemetry.connect.source.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GzipFileChannelTest {
    @TempDir
    Path dir;

    /** Lines of varying length, about 100 bytes each. */
    private static byte[] lines(int count) {
        StringBuilder sb = new StringBuilder();
        Random random = new Random(7);
        for (int i = 0; i < count; i++) {
            sb.append("{\"n\":").append(i).append(",\"msg\":\"").append("x".repeat(40 + random.nextInt(80))).append("\"}\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private FileChannel open(String name, byte[] fileBytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, fileBytes);
        return TrackedFile.open(p);
    }

    private static byte[] readAt(FileChannel ch, long at, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            if (ch.read(buf, at + buf.position()) < 0) {
                break;
            }
        }
        return Arrays.copyOf(buf.array(), buf.position());
    }

    @Test
    void positionalReadsAnywhereGiveTheUncompressedBytes() throws IOException {
        byte[] content = lines(5_000); // about 500 KB: well past the kept head
        assertTrue(content.length > 4 * GzipFileChannel.HEAD_BYTES);
        try (FileChannel ch = open("agent.log.1.gz", gzip(content))) {
            assertInstanceOf(GzipFileChannel.class, ch);
            assertEquals(content.length, ch.size());
            Random random = new Random(3);
            // forward, backward, within the head, across its end, and at the end
            long[] starts = {0, 100, GzipFileChannel.HEAD_BYTES - 10, 300_000, 200_000, 10, content.length - 50, 250_000};
            for (long at : starts) {
                int len = 1 + random.nextInt(70_000);
                byte[] expected = Arrays.copyOfRange(content, (int) at, (int) Math.min(content.length, at + len));
                assertArrayEquals(expected, readAt(ch, at, len), "at " + at);
            }
            assertEquals(-1, ch.read(ByteBuffer.allocate(10), content.length));
            assertEquals(content.length, ch.size());
            assertTrue(GzipFileChannel.sizeOnDisk(ch) < content.length / 5, "compressed: " + GzipFileChannel.sizeOnDisk(ch));
        }
    }

    @Test
    void aSmallFileAndConcatenatedMembersReadWhole() throws IOException {
        byte[] a = lines(10);
        byte[] b = lines(20);
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.write(gzip(a));
        both.write(gzip(b));
        try (FileChannel ch = open("two-members.log.gz", both.toByteArray())) {
            byte[] expected = new byte[a.length + b.length];
            System.arraycopy(a, 0, expected, 0, a.length);
            System.arraycopy(b, 0, expected, a.length, b.length);
            assertEquals(expected.length, ch.size());
            assertArrayEquals(expected, readAt(ch, 0, expected.length + 100));
        }
    }

    @Test
    void onlyFilesNamedGzWithTheMagicBytesAreInflated() throws IOException {
        byte[] content = lines(3);
        try (FileChannel named = open("plain.log.gz", content); FileChannel unnamed = open("compressed.log", gzip(content))) {
            assertFalse(named instanceof GzipFileChannel, "a .gz name on plain text: read as it is");
            assertFalse(unnamed instanceof GzipFileChannel, "gzip bytes without the .gz name: read as they are");
        }
    }

    @Test
    void aFileStillBeingCompressedIsNotReadUntilItIsWhole() throws IOException {
        byte[] content = lines(5_000);
        byte[] gz = gzip(content);
        Path p = dir.resolve("agent.log.1.gz");
        Files.write(p, Arrays.copyOf(gz, gz.length / 2));
        // its first bytes are there: it can be identified, but not read, until the trailer is written
        OpenedFile half = OpenedFile.open(p, 1024);
        assertNotNull(half);
        assertFalse(half.isComplete());
        half.close();
        Files.write(p, Arrays.copyOf(gz, 100));
        assertNull(OpenedFile.open(p, 1024), "not even the first line is there yet");
        Files.write(p, gz);
        OpenedFile whole = OpenedFile.open(p, 1024);
        assertTrue(whole.isComplete());
        assertEquals(content.length, whole.size());
        whole.close();
    }

    @Test
    void aCorruptStreamIsAnErrorNotAnEnd() throws IOException {
        byte[] gz = gzip(lines(5_000));
        for (int i = gz.length / 2; i < gz.length / 2 + 64; i++) {
            gz[i] ^= 0x5a;
        }
        try (FileChannel ch = open("corrupt.log.gz", gz)) {
            assertThrows(IOException.class, () -> readAt(ch, 0, 1_000_000));
        }
    }
}
