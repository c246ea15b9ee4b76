package io.agenttelemetry.connect.source.parse;

import java.util.List;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.EventSource;

/**
 * Turns one line of a file into zero or more agent events. One instance reads one file, so a parser may keep
 * state across that file's lines. Implementations must not do I/O.
 */
public interface EventParser {

    /**
     * @param line the line without its line terminator, decoded as UTF-8
     * @param source where the line starts; events carry it
     * @throws LineParseException if the line is not in this format; the message says why
     */
    List<AgentEvent> parse(String line, EventSource source) throws LineParseException;
}
