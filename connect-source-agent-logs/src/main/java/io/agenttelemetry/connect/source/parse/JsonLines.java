package io.agenttelemetry.connect.source.parse;

import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.JsonCopy;

/** Reading JSON lines into events, shared by the JSON-based formats. */
final class JsonLines {
    /**
     * Decimal numbers read exactly, so that JSON written again from a tree (a tool call's arguments) and a number's
     * text read through a pointer keep their values. Read as doubles, 0.70 became 0.7, 1764151200.25 became
     * 1.76415120025E9 (which no timestamp format reads), digits beyond a double's were lost and 1E400 became the
     * string "Infinity".
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private JsonLines() {
    }

    static JsonNode object(String line) throws LineParseException {
        JsonNode root;
        try {
            root = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new LineParseException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new LineParseException("not a JSON object");
        }
        return root;
    }

    /**
     * The top-level fields of a JSON object line, in order, without building a tree: scalars as their text, objects
     * and arrays as compact JSON text, nulls left out (as absent). The JSON-lines format needs no more than this,
     * and reading it streaming costs about half of a tree.
     */
    static Map<String, String> topLevelFields(String line) throws LineParseException {
        Map<String, String> fields = new LinkedHashMap<>();
        try (JsonParser p = MAPPER.getFactory().createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new LineParseException("not a JSON object");
            }
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                JsonToken value = p.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    fields.put(name, structureText(p));
                } else if (value != JsonToken.VALUE_NULL) {
                    fields.put(name, p.getText());
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new LineParseException("not JSON: content after the object");
            }
        } catch (JsonProcessingException e) {
            throw new LineParseException("not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new LineParseException("not JSON: " + e.getMessage(), e);
        }
        return fields;
    }

    private static String structureText(JsonParser p) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(text)) {
            JsonCopy.currentValue(p, g);
        }
        return text.toString();
    }

    static JsonNode parse(String json) throws LineParseException {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new LineParseException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Sets an attribute when there is a value: the formats' fields are often absent. */
    static void put(AgentEvent.Builder b, String key, String value) {
        if (value != null) {
            b.attribute(key, value);
        }
    }

    /** Text of a value: scalars as text, objects and arrays as JSON; null for missing or null. */
    static String text(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode() ? null : v.isValueNode() ? v.asText() : v.toString();
    }
}
