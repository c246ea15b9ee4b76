package io.agenttelemetry.connect.smt;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.agenttelemetry.connect.model.JsonCopy;
import io.agenttelemetry.connect.smt.MaskSensitiveDataConfig.Strategy;
import io.agenttelemetry.connect.smt.detect.Detectors;
import io.agenttelemetry.connect.smt.detect.Finding;

/**
 * Masks what the detectors find in a value: every string in it, at any depth, inside JSON carried in strings, and
 * whole values of fields with sensitive names. Pure: no I/O; the input is never changed.
 */
final class Masker {
    static final String SENSITIVE_FIELD = "SENSITIVE_FIELD";
    /** Returned for a value the drop strategy removes. */
    static final Object DROP = new Object();

    private static final JsonFactory JSON = new JsonFactory();

    private final MaskSensitiveDataConfig config;
    private final Detectors detectors;
    private final Mac hmac;
    /**
     * Field-name verdicts, direct-mapped by hash: the same few hundred names come in every record. A colliding
     * name replaces the slot; a slot holds name and verdict in one object, so readers on other threads see both.
     */
    private static final int NAME_CACHE_SLOTS = 4096;
    private final NameVerdict[] sensitiveNames = new NameVerdict[NAME_CACHE_SLOTS];

    private record NameVerdict(String name, boolean sensitive) {
    }

    /** Counts of findings by type for one record. */
    static final class Tally {
        private final Map<String, Integer> counts = new TreeMap<>();

        void add(String type) {
            counts.merge(type, 1, Integer::sum);
        }

        boolean isEmpty() {
            return counts.isEmpty();
        }

        /** TYPE:count pairs, never values. */
        String summary() {
            StringBuilder sb = new StringBuilder();
            counts.forEach((t, n) -> sb.append(sb.length() == 0 ? "" : ",").append(t).append(':').append(n));
            return sb.toString();
        }
    }

    Masker(MaskSensitiveDataConfig config, Detectors detectors) {
        this.config = config;
        this.detectors = detectors;
        this.hmac = config.hashKey.value().isEmpty() ? null : hmac(config.hashKey.value());
    }

    private static Mac hmac(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    /**
     * Schemaless values: strings, maps, lists, anything else unchanged. May return {@link #DROP}. A map or list in
     * which nothing is masked is returned as it is, not copied: most of an event is clean.
     */
    Object maskSchemaless(Object value, String fieldName, Tally tally) {
        if (value instanceof String) {
            return maskString((String) value, fieldName, tally);
        }
        if (value instanceof Map) {
            return maskValues((Map<?, ?>) value, (key, v) -> maskSchemaless(v, String.valueOf(key), tally));
        }
        if (value instanceof List) {
            return maskItems((List<?>) value, item -> maskSchemaless(item, fieldName, tally));
        }
        if (value != null && fieldName != null && isSensitiveName(fieldName) && !(value instanceof Boolean)) {
            return replacement(SENSITIVE_FIELD, String.valueOf(value), tally);
        }
        return value;
    }

    /**
     * The map with its values masked: the map itself if none changed, else a copy in the same order without the
     * entries masked to {@link #DROP}.
     */
    private static Map<?, ?> maskValues(Map<?, ?> in, BiFunction<Object, Object, Object> mask) {
        Map<Object, Object> out = null;
        int index = 0;
        for (Map.Entry<?, ?> e : in.entrySet()) {
            Object masked = mask.apply(e.getKey(), e.getValue());
            if (out == null && masked != e.getValue()) {
                out = new LinkedHashMap<>((int) (in.size() / 0.75f) + 1);
                for (Map.Entry<?, ?> before : in.entrySet()) {
                    if (out.size() == index) {
                        break;
                    }
                    out.put(before.getKey(), before.getValue());
                }
            }
            if (out != null && masked != DROP) {
                out.put(e.getKey(), masked);
            }
            index++;
        }
        return out == null ? in : out;
    }

    /** The list with its items masked: the list itself if none changed, else a copy without the items masked to {@link #DROP}. */
    private static List<?> maskItems(List<?> in, UnaryOperator<Object> mask) {
        List<Object> out = null;
        int index = 0;
        for (Object item : in) {
            Object masked = mask.apply(item);
            if (out == null && masked != item) {
                out = new ArrayList<>(in.subList(0, index));
            }
            if (out != null && masked != DROP) {
                out.add(masked);
            }
            index++;
        }
        return out == null ? in : out;
    }

    /** A struct with the same schema, its strings masked. */
    Struct maskStruct(Struct struct, Tally tally) {
        Struct out = null;
        List<Field> fields = struct.schema().fields();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            Object value = struct.get(f);
            Object masked = maskTyped(value, f.schema(), f.name(), tally);
            if (out == null && masked != value) {
                out = new Struct(struct.schema());
                for (int j = 0; j < i; j++) {
                    out.put(fields.get(j), struct.get(fields.get(j)));
                }
            }
            if (out != null) {
                out.put(f, masked);
            }
        }
        return out == null ? struct : out;
    }

    private Object maskTyped(Object value, Schema schema, String fieldName, Tally tally) {
        if (value == null) {
            return null;
        }
        switch (schema.type()) {
            case STRING: {
                Object masked = maskString((String) value, fieldName, tally);
                return masked == DROP ? (schema.isOptional() ? null : "") : masked;
            }
            case STRUCT:
                return maskStruct((Struct) value, tally);
            case MAP:
                return maskValues((Map<?, ?>) value, (key, v) -> {
                    Object masked = maskTyped(v, schema.valueSchema(), String.valueOf(key), tally);
                    return masked == null && !schema.valueSchema().isOptional() ? DROP : masked;
                });
            case ARRAY:
                return maskItems((List<?>) value, item -> maskTyped(item, schema.valueSchema(), fieldName, tally));
            default:
                return value;
        }
    }

    /** A masked copy of a string, or {@link #DROP}. */
    Object maskString(String s, String fieldName, Tally tally) {
        if (fieldName != null && isSensitiveName(fieldName) && !s.isEmpty() && !allowed(s)) {
            return replacement(SENSITIVE_FIELD, s, tally);
        }
        if (config.jsonInStrings && looksLikeJson(s)) {
            String masked = maskJsonText(s, tally);
            if (masked != null) {
                return masked;
            }
        }
        return maskText(s, tally);
    }

    /**
     * JSON text masked as it is read, written back only if something was found (else the string itself); null if
     * it is not one JSON object or array, or nests deeper than the parser's limits: then it is text.
     */
    private String maskJsonText(String s, Tally tally) {
        Tally inner = new Tally();
        StringWriter out = new StringWriter(s.length() + 32);
        try (JsonParser p = JSON.createParser(s); JsonGenerator g = JSON.createGenerator(out)) {
            JsonToken root = p.nextToken();
            if (root != JsonToken.START_OBJECT && root != JsonToken.START_ARRAY) {
                return null;
            }
            copyMasked(p, g, null, inner);
            if (p.nextToken() != null) {
                return null; // more after the value: text that begins like JSON
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (inner.isEmpty()) {
            return s;
        }
        inner.counts.forEach((t, n) -> tally.counts.merge(t, n, Integer::sum));
        return out.toString();
    }

    /**
     * Copies the object or array at the parser's current token, masked. A member's value is masked under the
     * member's name; an array's items under the array's name.
     */
    private void copyMasked(JsonParser p, JsonGenerator g, String fieldName, Tally tally) throws IOException {
        if (p.currentToken() == JsonToken.START_OBJECT) {
            g.writeStartObject();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                copyValue(p, g, name, tally, true);
            }
            g.writeEndObject();
        } else {
            g.writeStartArray();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                copyValue(p, g, fieldName, tally, false);
            }
            g.writeEndArray();
        }
    }

    /** Copies the value at the parser's current token, masked; a value masked to {@link #DROP} is left out. */
    private void copyValue(JsonParser p, JsonGenerator g, String fieldName, Tally tally, boolean member) throws IOException {
        JsonToken t = p.currentToken();
        Object masked = null;
        if (t == JsonToken.VALUE_STRING) {
            masked = maskString(p.getText(), fieldName, tally);
        } else if (t.isNumeric() && fieldName != null && isSensitiveName(fieldName)) {
            masked = replacement(SENSITIVE_FIELD, p.getText(), tally);
        }
        if (masked == DROP) {
            return;
        }
        if (member) {
            g.writeFieldName(fieldName);
        }
        if (masked != null) {
            g.writeString((String) masked);
        } else if (t.isStructStart()) {
            copyMasked(p, g, fieldName, tally);
        } else {
            JsonCopy.currentToken(p, g);
        }
    }

    private Object maskText(String s, Tally tally) {
        List<Finding> findings = detectors.scan(s);
        if (findings.isEmpty()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int at = 0;
        boolean any = false;
        for (Finding f : findings) {
            String value = s.substring(f.start(), f.end());
            if (allowed(value)) {
                continue;
            }
            Object r = replacement(f.type(), value, tally);
            if (r == DROP) {
                return DROP;
            }
            out.append(s, at, f.start()).append((String) r);
            at = f.end();
            any = true;
        }
        return any ? out.append(s, at, s.length()).toString() : s;
    }

    private Object replacement(String type, String value, Tally tally) {
        tally.add(type);
        Strategy strategy = config.strategyFor(type);
        switch (strategy) {
            case DROP:
                return DROP;
            case HASH:
                return "[HASH:" + type + ":" + hashHex(value) + "]";
            case PARTIAL: {
                int keep = value.length() > config.partialKeep * 2 ? config.partialKeep : 0;
                return "*".repeat(value.length() - keep) + value.substring(value.length() - keep);
            }
            default:
                return "[REDACTED:" + type + "]";
        }
    }

    private String hashHex(String value) {
        byte[] digest;
        synchronized (hmac) {
            digest = hmac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        }
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 8; i++) {
            sb.append(String.format("%02x", digest[i]));
        }
        return sb.toString();
    }

    /** Field names repeat across records, so the regex verdict is cached (bounded: noisy names just miss it). */
    private boolean isSensitiveName(String fieldName) {
        int slot = fieldName.hashCode() & (NAME_CACHE_SLOTS - 1);
        NameVerdict known = sensitiveNames[slot];
        if (known != null && (known.name == fieldName || known.name.equals(fieldName))) {
            return known.sensitive;
        }
        boolean sensitive = config.fieldNames.matcher(fieldName).matches();
        sensitiveNames[slot] = new NameVerdict(fieldName, sensitive);
        return sensitive;
    }

    private boolean allowed(String value) {
        for (Pattern p : config.allowlist) {
            if (p.matcher(value).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeJson(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' || c == '[';
            }
        }
        return false;
    }
}
