package io.agenttelemetry.connect.model;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Copies JSON from a parser to a generator with every number written as it was written. Jackson's own copy reads
 * a decimal number as a double and writes that again: {@code 0.10} became {@code 0.1}, {@code 1e-7}
 * {@code 1.0E-7}, digits beyond a double's were lost, and {@code 1E400} became the string {@code "Infinity"}.
 */
public final class JsonCopy {
    private JsonCopy() {
    }

    /** Copies the parser's current token. */
    public static void currentToken(JsonParser p, JsonGenerator g) throws IOException {
        if (p.currentToken().isNumeric()) {
            g.writeNumber(p.getText()); // the token's text: the parser has checked that it is a JSON number
        } else {
            g.copyCurrentEvent(p);
        }
    }

    /** Copies the value that starts at the parser's current token, the whole object or array if it starts one. */
    public static void currentValue(JsonParser p, JsonGenerator g) throws IOException {
        int depth = 0;
        do {
            JsonToken t = p.currentToken();
            currentToken(p, g);
            depth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
        } while (depth > 0 && p.nextToken() != null);
    }
}
