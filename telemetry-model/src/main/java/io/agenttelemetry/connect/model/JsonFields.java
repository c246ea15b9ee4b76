package io.agenttelemetry.connect.model;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;

/** Writing a named field of an event's JSON: the shapes every writer of events has (null written as null). */
public final class JsonFields {
    private JsonFields() {
    }

    public static void string(JsonGenerator g, SerializableString name, String value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }

    public static void number(JsonGenerator g, SerializableString name, Number value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value.longValue());
        }
    }

    public static void stringMap(JsonGenerator g, SerializableString name, Map<String, String> map) throws IOException {
        g.writeFieldName(name);
        g.writeStartObject();
        for (Map.Entry<String, String> entry : map.entrySet()) {
            g.writeFieldName(entry.getKey());
            g.writeString(entry.getValue());
        }
        g.writeEndObject();
    }
}
