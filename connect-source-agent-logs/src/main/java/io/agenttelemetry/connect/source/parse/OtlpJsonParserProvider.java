package io.agenttelemetry.connect.source.parse;

import io.agenttelemetry.connect.model.otlp.OtlpJsonParser;
import io.agenttelemetry.connect.model.otlp.OtlpParseException;

/** OTLP/JSON trace and logs requests, one per line, as the OpenTelemetry Collector file exporter writes them. */
public final class OtlpJsonParserProvider implements EventParserProvider {
    @Override
    public String name() {
        return OtlpJsonParser.FORMAT;
    }

    @Override
    public boolean sniff(String firstLine) {
        String head = firstLine.length() > 64 ? firstLine.substring(0, 64) : firstLine;
        return head.contains("\"resourceSpans\"") || head.contains("\"resourceLogs\"");
    }

    @Override
    public EventParser create(ParserSettings settings) {
        OtlpJsonParser parser = new OtlpJsonParser();
        return (line, source) -> {
            try {
                return parser.parse(line, source);
            } catch (OtlpParseException e) {
                throw new LineParseException(e.getMessage(), e);
            }
        };
    }
}
