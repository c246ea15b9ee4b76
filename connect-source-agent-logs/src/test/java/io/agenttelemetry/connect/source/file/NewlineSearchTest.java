package io.agenttelemetry.connect.source.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The word-at-a-time line feed search finds what a byte-by-byte loop finds. */
class NewlineSearchTest {

    @Test
    void findsTheFirstLineFeedInTheRange() {
        // Neighbours of '\n' and bytes with the high bit set, where a carry or borrow could fake a match.
        byte[] alphabet = {'\n', '\n', 0x0B, 0x09, 0x0A | (byte) 0x80, (byte) 0x8A, 0x00, 0x01, (byte) 0xFF, 'a', '{', '"'};
        Random random = new Random(9);
        for (int i = 0; i < 50_000; i++) {
            byte[] data = new byte[random.nextInt(40)];
            int density = 1 + random.nextInt(30);
            for (int j = 0; j < data.length; j++) {
                data[j] = random.nextInt(density) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) ('a' + random.nextInt(26));
            }
            int from = data.length == 0 ? 0 : random.nextInt(data.length + 1);
            int to = from + random.nextInt(data.length - from + 1);
            assertEquals(naive(data, from, to), TrackedFile.indexOfNewline(data, from, to));
        }
    }

    private static int naive(byte[] data, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
