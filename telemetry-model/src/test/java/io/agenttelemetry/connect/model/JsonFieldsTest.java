package io.agenttelemetry.connect.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import org.junit.jupiter.api.Test;

/** Strings written as their UTF-8 bytes come out exactly as the generator writes them. */
class JsonFieldsTest {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String LONG = "lorem ipsum dolor sit amet, consectetur adipiscing elit ";

    @Test
    void writesWhatTheGeneratorWrites() throws IOException {
        List<String> values = new ArrayList<>(List.of("", "short", LONG, LONG + "\"quoted\"", LONG + "back\\slash",
                LONG + "tab\tnewline\nnul\u0000", LONG + "del\u007f", LONG + "question?", LONG + "Grüße aus Zürich",
                LONG + "東京 and 🚀", LONG + "lone high \ud83d here", LONG + "lone low \ude80 here", LONG + "line sep \u2028",
                LONG + "c1 control \u0085", "</script>" + LONG));
        values.add(null);
        for (String value : values) {
            assertSame(value);
        }
    }

    @Test
    void writesWhatTheGeneratorWritesForRandomStrings() throws IOException {
        char[] alphabet = "aZ09 -_.:/?\"\\\t\n\u0000\u001f\u007f\u00e9\u00ff\u0100\u6771\ud83d\ude80\u2028\ufffd".toCharArray();
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            char[] chars = new char[random.nextInt(80)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : (char) ('a' + random.nextInt(26));
            }
            assertSame(new String(chars));
        }
    }

    private static void assertSame(String value) throws IOException {
        assertArrayEquals(write(value, false), write(value, true), () -> "for " + value);
    }

    private static byte[] write(String value, boolean ours) throws IOException {
        ByteArrayBuilder out = new ByteArrayBuilder();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            if (ours) {
                JsonFields.text(g, value);
            } else {
                g.writeString(value);
            }
            g.writeEndArray();
        }
        return out.toByteArray();
    }
}
