package io.agenttelemetry.connect.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ChunkedStreamTest {

    /**
     * Writes of every size, across chunk boundaries and chunk growth, with hand-overs in between: the handed-over
     * pieces, read back in order, are exactly what was written, also after writing went on in a handed-over chunk.
     */
    @Test
    void handedOverPiecesReadBackAsWritten() throws IOException {
        Random random = new Random(7);
        InMemoryEncoder.ChunkedStream stream = new InMemoryEncoder.ChunkedStream();
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        ByteArrayOutputStream readBack = new ByteArrayOutputStream();
        EncodedBytes previous = EncodedBytes.EMPTY;
        byte[] previousCopy = new byte[0];
        for (int i = 0; i < 3_000; i++) {
            byte[] data = new byte[random.nextInt(i % 10 == 0 ? 300_000 : 3_000)];
            random.nextBytes(data);
            if (data.length == 1) {
                stream.write(data[0]);
            } else {
                stream.write(data, 0, data.length);
            }
            written.write(data);
            if (random.nextInt(50) == 0) {
                // Bytes handed over earlier are unchanged by later writes into the rest of their chunk.
                assertArrayEquals(previousCopy, previous.toByteArray());
                long size = stream.size();
                previous = stream.handOver();
                assertEquals(size, previous.length());
                previousCopy = previous.stream().readAllBytes();
                readBack.write(previousCopy);
                assertEquals(0, stream.size());
            }
        }
        EncodedBytes last = stream.handOver();
        readBack.write(last.toByteArray());
        assertArrayEquals(written.toByteArray(), readBack.toByteArray());
        assertArrayEquals(previousCopy, previous.toByteArray());
        assertArrayEquals(concatenated(previousCopy, last.toByteArray()), previous.concat(last).stream().readAllBytes());
    }

    @Test
    void nothingWrittenHandsOverNothing() throws IOException {
        EncodedBytes none = new InMemoryEncoder.ChunkedStream().handOver();
        assertEquals(0, none.length());
        assertEquals(0, none.stream().readAllBytes().length);
    }

    private static byte[] concatenated(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
