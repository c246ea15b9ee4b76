package io.agenttelemetry.connect.model;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/** Connect values as plain JSON-ready Java values, for sinks that write JSON. */
public final class ConnectValues {
    private ConnectValues() {
    }

    /** Structs become ordered maps, bytes base64, dates ISO-8601; maps and lists are converted recursively. */
    public static Object toPlain(Object v) {
        if (v instanceof Struct) {
            Struct s = (Struct) v;
            Map<String, Object> m = new LinkedHashMap<>();
            for (Field f : s.schema().fields()) {
                m.put(f.name(), toPlain(s.get(f)));
            }
            return m;
        }
        if (v instanceof Map) {
            Map<String, Object> m = new LinkedHashMap<>();
            ((Map<?, ?>) v).forEach((k, val) -> m.put(String.valueOf(k), toPlain(val)));
            return m;
        }
        if (v instanceof List) {
            List<Object> l = new ArrayList<>();
            ((List<?>) v).forEach(x -> l.add(toPlain(x)));
            return l;
        }
        if (v instanceof byte[]) {
            return Base64.getEncoder().encodeToString((byte[]) v);
        }
        if (v instanceof ByteBuffer) {
            ByteBuffer b = ((ByteBuffer) v).duplicate();
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof java.util.Date) {
            return ((java.util.Date) v).toInstant().toString();
        }
        throw new DataException("cannot convert a value of type " + v.getClass().getName() + " to JSON");
    }
}
