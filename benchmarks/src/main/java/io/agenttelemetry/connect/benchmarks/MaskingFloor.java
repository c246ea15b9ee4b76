package io.agenttelemetry.connect.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agenttelemetry.connect.model.GenAiAttributes;

/**
 * What masking {@link MaskingBenchmark}'s events the way the masking issue asks costs before any detector runs: one
 * automaton pass over every string value of the record (field names not counted: their verdicts can be cached), in
 * two independent chains as our scan does it, then the tool call's JSON arguments, which hold a finding, parsed and
 * written again, and the two maps on their path copied. Against MaskField, it says how close full detection done
 * this way can come.
 */
final class MaskingFloor {
    /** Random transitions of 64 states on 7-bit characters: each step depends on the previous one, as in an automaton. */
    private static final int[] TRANSITIONS = new Random(1).ints(64 * 128, 0, 64).toArray();
    private static final ObjectMapper JSON = new ObjectMapper();

    private MaskingFloor() {
    }

    /** Returns the automaton's final state, so the JIT cannot drop the pass. */
    static int scan(Object value, int state) {
        if (value instanceof String) {
            return scan((String) value, state);
        }
        if (value instanceof Map) {
            for (Object v : ((Map<?, ?>) value).values()) {
                state = scan(v, state);
            }
        } else if (value instanceof List) {
            for (Object item : (List<?>) value) {
                state = scan(item, state);
            }
        }
        return state;
    }

    private static int scan(String s, int state) {
        int half = s.length() / 2;
        int other = state;
        for (int i = 0, j = half; i < half; i++, j++) {
            state = TRANSITIONS[state << 7 | s.charAt(i) & 127];
            other = TRANSITIONS[other << 7 | s.charAt(j) & 127];
        }
        if ((s.length() & 1) == 1) {
            state = TRANSITIONS[state << 7 | s.charAt(s.length() - 1) & 127];
        }
        return state ^ other;
    }

    /** The record's value with its JSON arguments parsed and written again, in copies of the maps that hold them. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> rewriteArguments(Map<String, Object> value) {
        Map<String, Object> attributes = new LinkedHashMap<>((Map<String, Object>) value.get("attributes"));
        try {
            String arguments = (String) attributes.get(GenAiAttributes.TOOL_CALL_ARGUMENTS);
            attributes.put(GenAiAttributes.TOOL_CALL_ARGUMENTS, JSON.writeValueAsString(JSON.readValue(arguments, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> copy = new LinkedHashMap<>(value);
        copy.put("attributes", attributes);
        return copy;
    }
}
