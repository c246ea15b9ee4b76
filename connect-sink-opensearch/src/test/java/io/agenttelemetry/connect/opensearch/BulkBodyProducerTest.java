package io.agenttelemetry.connect.opensearch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.junit.jupiter.api.Test;

class BulkBodyProducerTest {
    /** A connection that takes at most {@code room} bytes each time the producer is asked for data. */
    private static final class Connection implements DataStreamChannel {
        final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        final int room;
        int left;
        boolean ended;

        Connection(int room) {
            this.room = room;
        }

        @Override
        public int write(ByteBuffer src) {
            int n = Math.min(left, src.remaining());
            byte[] bytes = new byte[n];
            src.get(bytes);
            sent.write(bytes, 0, n);
            left -= n;
            return n;
        }

        @Override
        public void endStream() {
            ended = true;
        }

        @Override
        public void endStream(List<? extends Header> trailers) {
            ended = true;
        }

        @Override
        public void requestOutput() {
        }
    }

    private static Document doc(String id, String source) {
        return new Document(null, "agent-spans", id, source == null ? null : source.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sendsTheBodysBytesHoweverLittleTheConnectionTakesAtATimeAndWhateverTheStagingSize() throws Exception {
        Random random = new Random(3);
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            docs.add(i % 7 == 3 ? doc("gone-" + i, null) : i % 11 == 5 ? doc("empty-" + i, "")
                    : doc("id-" + i, "{\"n\":" + i + ",\"pad\":\"" + "x".repeat(random.nextInt(300)) + "\"}"));
        }
        byte[] expected = BulkBody.of(docs, false).readAllBytes();
        for (int[] sizes : pairs(new int[] {1, 2, 7, 64, 1000, expected.length, expected.length + 5})) {
            int room = sizes[0];
            BulkBodyProducer producer = new BulkBodyProducer(BulkBody.pieces(docs, false), sizes[1]);
            assertEquals(expected.length, producer.getContentLength());
            assertEquals("application/x-ndjson", producer.getContentType());
            Connection connection = new Connection(room);
            int asked = 0;
            while (!connection.ended) {
                assertTrue(++asked <= expected.length + 2, "ends");
                assertEquals(expected.length - connection.sent.size(), producer.available());
                connection.left = room;
                producer.produce(connection);
            }
            assertArrayEquals(expected, connection.sent.toByteArray(), "room " + room + ", staging " + sizes[1]);
            assertEquals(0, producer.available());
        }
    }

    /** Every pair of the sizes, each with itself too. */
    private static List<int[]> pairs(int[] sizes) {
        List<int[]> pairs = new ArrayList<>();
        for (int a : sizes) {
            for (int b : sizes) {
                pairs.add(new int[] {a, b});
            }
        }
        return pairs;
    }

    @Test
    void anEmptyBatchEndsAtOnce() throws Exception {
        BulkBodyProducer producer = new BulkBodyProducer(BulkBody.pieces(List.of(), false), 64);
        Connection connection = new Connection(10);
        connection.left = 10;
        producer.produce(connection);
        assertTrue(connection.ended);
        assertEquals(0, connection.sent.size());
    }
}
