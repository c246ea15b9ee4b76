package io.agenttelemetry.connect.model.otlp;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders OTLP/JSON {@code AnyValue}s as the model's string attribute values. */
final class AnyValues {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AnyValues() {
    }

    /**
     * Strings stay as they are (JSON inside a string stays a string), scalars print as their JSON text,
     * bytes stay base64, arrays and key-value lists become compact JSON. An empty AnyValue renders as null.
     */
    static String render(JsonNode anyValue) {
        if (anyValue == null || anyValue.isNull()) {
            return null;
        }
        JsonNode v;
        if ((v = anyValue.get("stringValue")) != null) return v.asText();
        if ((v = anyValue.get("intValue")) != null) return v.asText();
        if ((v = anyValue.get("boolValue")) != null) return v.asText();
        if ((v = anyValue.get("doubleValue")) != null) return v.asText();
        if ((v = anyValue.get("bytesValue")) != null) return v.asText();
        if (anyValue.has("arrayValue") || anyValue.has("kvlistValue")) {
            return toJson(anyValue).toString();
        }
        return null;
    }

    /** An AnyValue as plain JSON: arrays as arrays, kvlists as objects, int64 strings as numbers. */
    static JsonNode toJson(JsonNode anyValue) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode v;
        if ((v = anyValue.get("stringValue")) != null) return f.textNode(v.asText());
        if ((v = anyValue.get("intValue")) != null) return f.numberNode(v.asLong());
        if ((v = anyValue.get("boolValue")) != null) return f.booleanNode(v.asBoolean());
        if ((v = anyValue.get("doubleValue")) != null) return f.numberNode(v.asDouble());
        if ((v = anyValue.get("bytesValue")) != null) return f.textNode(v.asText());
        if ((v = anyValue.get("arrayValue")) != null) {
            ArrayNode out = f.arrayNode();
            for (JsonNode item : v.path("values")) {
                out.add(toJson(item));
            }
            return out;
        }
        if ((v = anyValue.get("kvlistValue")) != null) {
            ObjectNode out = f.objectNode();
            for (JsonNode kv : v.path("values")) {
                out.set(kv.path("key").asText(), toJson(kv.path("value")));
            }
            return out;
        }
        return f.nullNode();
    }

    /** An OTLP {@code KeyValue} list as an ordered string map; keys with empty values are kept as "". */
    static Map<String, String> attributes(JsonNode keyValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<JsonNode> it = keyValues.elements(); it.hasNext(); ) {
            JsonNode kv = it.next();
            String rendered = render(kv.get("value"));
            out.put(kv.path("key").asText(), rendered == null ? "" : rendered);
        }
        return out;
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }
}
