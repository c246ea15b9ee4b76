package io.agenttelemetry.connect.source.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The formats available to the source: built-in ones and any registered through {@link EventParserProvider}. */
public final class EventParsers {
    public static final String AUTO = "auto";

    private final Map<String, EventParserProvider> byName = new LinkedHashMap<>();

    private EventParsers() {
    }

    /**
     * Built-ins, then ServiceLoader providers. Sniffing tries them in this order, so specific formats come before
     * generic JSON lines; text is never sniffed.
     */
    public static EventParsers load() {
        EventParsers p = new EventParsers();
        p.add(new OtlpJsonParserProvider());
        p.add(new ClaudeCodeParserProvider());
        p.add(new OpenAiAgentsParserProvider());
        List<EventParserProvider> generic = List.of(new JsonLinesParserProvider(), new TextParserProvider());
        // The plugin's own class loader sees jars in its plugin directory, which is where providers live.
        for (EventParserProvider provider : ServiceLoader.load(EventParserProvider.class, EventParsers.class.getClassLoader())) {
            if (generic.stream().noneMatch(g -> g.name().equals(provider.name()))) {
                p.add(provider);
            }
        }
        generic.forEach(p::add);
        return p;
    }

    private void add(EventParserProvider provider) {
        byName.putIfAbsent(provider.name(), provider);
    }

    public List<String> names() {
        List<String> names = new ArrayList<>(byName.keySet());
        names.add(0, AUTO);
        return Collections.unmodifiableList(names);
    }

    /** The provider of that name; null for {@value #AUTO} or an unknown name. */
    public EventParserProvider get(String name) {
        return byName.get(name);
    }

    /** The first provider whose sniff accepts the line, or null if none does. */
    public EventParserProvider sniff(String firstLine) {
        for (EventParserProvider p : byName.values()) {
            if (p.sniff(firstLine)) {
                return p;
            }
        }
        return null;
    }
}
