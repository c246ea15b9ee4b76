package io.agenttelemetry.connect.smt.detect;

import java.util.List;

/** Finds one kind of sensitive value in text. Implementations are stateless and thread-safe. */
public interface Detector {

    /** Upper-case type name, e.g. OPENAI_API_KEY or EMAIL; used in redactions, headers and config. */
    String name();

    /** Secret or PII. */
    Family family();

    /**
     * Lowercase keywords, one of which must occur in a string before {@link #find} is worth running; empty means
     * no keyword gate. {@link Detectors} checks them for all detectors in one pass.
     */
    default String[] keywords() {
        return new String[0];
    }

    /** Fewest digits a string must hold for this detector to find anything in it (0: no such gate). */
    default int minDigits() {
        return 0;
    }

    /**
     * True if what this detector finds consists only of digits and separators ({@code +().:-} and spaces), so it
     * only needs to look at the numeric windows of a string rather than all of it.
     */
    default boolean numeric() {
        return false;
    }

    /** Adds what it finds in text to out; keyword and digit gates are already checked by the caller. */
    void find(String text, List<Finding> out);

    /** The two kinds of sensitive value. */
    enum Family { SECRET, PII }
}
