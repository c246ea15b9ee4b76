package io.agenttelemetry.connect.source.parse;

/**
 * A file format the source can read: the SPI for adding formats without touching the connector. Register an
 * implementation in {@code META-INF/services/io.agenttelemetry.connect.source.parse.EventParserProvider} of a jar
 * in the connector's plugin directory.
 */
public interface EventParserProvider {

    /** The value of the connector's {@code format} setting that selects this provider, e.g. {@code otlp-json}. */
    String name();

    /** True if the first line of a file looks like this format; used by {@code format=auto}. */
    boolean sniff(String firstLine);

    /** A parser for one file, set up from the connector's parsing settings. */
    EventParser create(ParserSettings settings);
}
