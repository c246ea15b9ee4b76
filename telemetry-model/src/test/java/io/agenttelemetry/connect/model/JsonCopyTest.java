package io.agenttelemetry.connect.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;

class JsonCopyTest {
    private static final JsonFactory JSON = new JsonFactory();

    @Test
    void numbersKeepTheirTextAndEverythingElseIsCopiedCompact() throws IOException {
        String value = "{\"a\": [0.10, 1e-7, 1E400, 3.141592653589793238462643383279, -0.0, 123456789012345678901234567890, -7],"
                + " \"b\": {\"c\": \"d\\u00e9\\n\", \"e\": [true, false, null, {}, []]}}";
        assertEquals("{\"a\":[0.10,1e-7,1E400,3.141592653589793238462643383279,-0.0,123456789012345678901234567890,-7],"
                + "\"b\":{\"c\":\"d\u00e9\\n\",\"e\":[true,false,null,{},[]]}}", copyFirstValue(value));
    }

    @Test
    void aScalarIsOneTokenAndTheParserStaysOnIt() throws IOException {
        assertEquals("2.50", copyFirstValue("2.50 3"));
        assertEquals("\"x\"", copyFirstValue("\"x\" {\"y\":1}"));
    }

    @Test
    void theCopyEndsWithItsValueAndTheParserGoesOnFromThere() throws IOException {
        StringWriter out = new StringWriter();
        try (JsonParser p = JSON.createParser("[{\"a\":[1.50]},9.0]"); JsonGenerator g = JSON.createGenerator(out)) {
            p.nextToken(); // [
            p.nextToken(); // {
            g.writeStartArray();
            JsonCopy.currentValue(p, g);
            assertEquals(JsonToken.END_OBJECT, p.currentToken());
            p.nextToken();
            JsonCopy.currentToken(p, g);
            g.writeEndArray();
        }
        assertEquals("[{\"a\":[1.50]},9.0]", out.toString());
    }

    private static String copyFirstValue(String json) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonParser p = JSON.createParser(json); JsonGenerator g = JSON.createGenerator(out)) {
            p.nextToken();
            JsonCopy.currentValue(p, g);
        }
        return out.toString();
    }
}
