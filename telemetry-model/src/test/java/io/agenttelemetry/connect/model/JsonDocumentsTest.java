package io.agenttelemetry.connect.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonFactory;
import org.junit.jupiter.api.Test;

class JsonDocumentsTest {

    @Test
    void eachDocumentIsItsOwnAndAFailedOneLeavesNothingBehind() {
        try (JsonDocuments documents = new JsonDocuments(new JsonFactory())) {
            assertEquals("{\"a\":1}", text(documents.write(g -> {
                g.writeStartObject();
                g.writeNumberField("a", 1);
                g.writeEndObject();
            })));
            assertThrows(IllegalStateException.class, () -> documents.write(g -> {
                g.writeStartObject();
                g.writeStringField("half", "written");
                throw new IllegalStateException("bad record");
            }));
            assertEquals("{\"b\":\"x\"}", text(documents.write(g -> {
                g.writeStartObject();
                g.writeStringField("b", "x");
                g.writeEndObject();
            })));
            assertEquals("[]", text(documents.write(g -> {
                g.writeStartArray();
                g.writeEndArray();
            })));
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
