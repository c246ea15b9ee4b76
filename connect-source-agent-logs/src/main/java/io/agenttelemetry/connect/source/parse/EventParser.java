package io.agenttelemetry.connect.source.parse;

import java.util.List;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.EventSource;

/**
 * Turns the lines of one file into agent events. One instance reads one file, so a parser may hold lines whose
 * event is not complete yet: a multi-line stack trace, a tool call waiting for its result. While it holds any, the
 * source keeps its committed offset at the first held line, so a restart reads them again; a parser must therefore
 * keep no state other than what the held lines make. Implementations must not do I/O.
 */
public interface EventParser {

    /**
     * @param line the line without its line terminator, decoded as UTF-8
     * @param source where the line starts; events carry it
     * @return the events this line completes, in order
     * @throws LineParseException if the line is not in this format; the message says why. Held lines stay held.
     */
    List<AgentEvent> parse(String line, EventSource source) throws LineParseException;

    /** True while lines are held whose events are not emitted yet. */
    default boolean holdsLines() {
        return false;
    }

    /**
     * Called when the file has had no new line for a while; a parser may emit what it holds, e.g. a multi-line
     * event whose flush timeout has passed.
     */
    default List<AgentEvent> idle(long nanosSinceLastLine) {
        return List.of();
    }

    /** The file ends here for good (rotated away or deleted and read to its end): emit everything held. */
    default List<AgentEvent> finish() {
        return List.of();
    }
}
