package io.agenttelemetry.connect.source.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.EventSource;
import io.agenttelemetry.connect.model.EventType;

/**
 * Plain-text logs. Lines are joined into multi-line events (stack traces) by a start pattern; each event's first
 * line is read with a regex whose named groups fill the model ({@code time}, {@code level}, {@code message},
 * {@code traceid}, {@code spanid}, {@code service}, {@code name}) and become attributes. An event whose first line
 * does not match keeps its whole text as the body: a log line is never lost for not fitting the pattern.
 */
public final class TextParserProvider implements EventParserProvider {
    public static final String FORMAT = "text";

    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    @Override
    public String name() {
        return FORMAT;
    }

    /** Never sniffed: any line is text, so {@code format=auto} would take every file; choose it explicitly. */
    @Override
    public boolean sniff(String firstLine) {
        return false;
    }

    @Override
    public EventParser create(ParserSettings settings) {
        return new TextParser(settings);
    }

    /** The named groups of a regex, in order (Java 17 has no API for them). */
    static List<String> groupNames(Pattern pattern) {
        List<String> names = new ArrayList<>();
        Matcher m = GROUP_NAME.matcher(pattern.pattern());
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static final class TextParser implements EventParser {
        private final ParserSettings settings;
        private final Pattern pattern;
        private final List<String> groups;
        private final Pattern start;
        private final StringBuilder held = new StringBuilder();
        private int heldLines;
        private EventSource heldSource;

        TextParser(ParserSettings settings) {
            this.settings = settings;
            this.pattern = settings.textPattern();
            this.groups = pattern == null ? List.of() : groupNames(pattern);
            this.start = settings.multilineStart();
        }

        @Override
        public List<AgentEvent> parse(String line, EventSource source) {
            if (start == null) {
                return List.of(event(line, source));
            }
            boolean startsEvent = start.matcher(line).find() != settings.multilineNegate();
            List<AgentEvent> out = new ArrayList<>(1);
            if (heldLines > 0 && startsEvent) {
                out.add(release());
            }
            if (heldLines == 0) {
                heldSource = source;
            } else {
                held.append('\n');
            }
            held.append(line);
            heldLines++;
            if (heldLines >= settings.multilineMaxLines() || held.length() >= settings.maxEventChars()) {
                out.add(release());
            }
            return out;
        }

        @Override
        public boolean holdsLines() {
            return heldLines > 0;
        }

        @Override
        public List<AgentEvent> idle(long nanosSinceLastLine) {
            return heldLines > 0 && nanosSinceLastLine >= settings.multilineFlushMs() * 1_000_000L ? List.of(release()) : List.of();
        }

        @Override
        public List<AgentEvent> finish() {
            return heldLines > 0 ? List.of(release()) : List.of();
        }

        private AgentEvent release() {
            AgentEvent e = event(held.toString(), heldSource);
            held.setLength(0);
            heldLines = 0;
            heldSource = null;
            return e;
        }

        private AgentEvent event(String text, EventSource source) {
            AgentEvent.Builder b = AgentEvent.builder(EventType.LOG).source(source).body(text);
            if (pattern == null) {
                return b.build();
            }
            int firstLineEnd = text.indexOf('\n');
            String firstLine = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
            Matcher m = pattern.matcher(firstLine);
            if (!m.find()) {
                return b.build();
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            for (String g : groups) {
                String v = m.group(g);
                if (v == null) {
                    continue;
                }
                attributes.put(g, v);
                switch (g) {
                    case "time": b.startTimeUnixNano(timeOrNull(v)); break;
                    case "level": b.severityText(v); break;
                    case "message": b.body(firstLineEnd < 0 ? v : v + text.substring(firstLineEnd)); break;
                    case "traceid": b.traceId(v); break;
                    case "spanid": b.spanId(v); break;
                    case "service": b.serviceName(v); break;
                    case "name": b.name(v); break;
                    default: break;
                }
            }
            attributes.remove("message");
            return b.attributes(attributes).build();
        }

        /** An unreadable time leaves the event untimed; its text stays in the "time" attribute. */
        private Long timeOrNull(String v) {
            try {
                return settings.timestamps().parse(v);
            } catch (LineParseException e) {
                return null;
            }
        }
    }
}
