package io.agenttelemetry.connect.smt.detect;

import java.util.List;

/** Finds one kind of sensitive value in text. Implementations are stateless and thread-safe. */
public interface Detector {

    /** Upper-case type name, e.g. OPENAI_API_KEY or EMAIL; used in redactions, headers and config. */
    String name();

    /** Secret or PII. */
    Family family();

    /**
     * Adds what it finds in text to out.
     *
     * @param lower text in lower case, computed once per string for all keyword prefilters
     */
    void find(String text, String lower, List<Finding> out);

    /** The two kinds of sensitive value. */
    enum Family { SECRET, PII }
}
