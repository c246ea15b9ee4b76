package io.agenttelemetry.connect.source.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agenttelemetry.connect.model.AgentEvent;

/** Reading JSON lines into events, shared by the JSON-based formats. */
final class JsonLines {
    private static final ObjectMapper MAPPER = new ObjectMapper();

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
