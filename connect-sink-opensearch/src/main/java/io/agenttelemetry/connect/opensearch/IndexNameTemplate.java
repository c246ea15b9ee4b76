package io.agenttelemetry.connect.opensearch;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.apache.kafka.common.config.ConfigException;

/** An index name with placeholders, parsed once: {kind}, {topic}, {sensitivity} and date patterns like {yyyy.MM.dd}. */
final class IndexNameTemplate {
    /** The values a record provides to a template. */
    static final class Values {
        final String kind;
        final String topic;
        final String sensitivity;
        final long eventTimeMillis;

        Values(String kind, String topic, String sensitivity, long eventTimeMillis) {
            this.kind = kind;
            this.topic = topic;
            this.sensitivity = sensitivity;
            this.eventTimeMillis = eventTimeMillis;
        }
    }

    private final List<Function<Values, String>> parts;

    private IndexNameTemplate(List<Function<Values, String>> parts) {
        this.parts = parts;
    }

    static IndexNameTemplate parse(String template) {
        List<Function<Values, String>> parts = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                String literal = template.substring(i);
                parts.add(v -> literal);
                break;
            }
            String literal = template.substring(i, open);
            parts.add(v -> literal);
            int close = template.indexOf('}', open);
            if (close < 0) {
                throw new ConfigException(OpenSearchSinkConfig.INDEX_NAME_TEMPLATE_CONFIG, template, "unclosed {");
            }
            parts.add(placeholder(template, template.substring(open + 1, close)));
            i = close + 1;
        }
        return new IndexNameTemplate(parts);
    }

    private static Function<Values, String> placeholder(String template, String name) {
        switch (name) {
            case "kind": return v -> v.kind;
            case "topic": return v -> v.topic;
            case "sensitivity": return v -> v.sensitivity;
            default:
                try {
                    DateTimeFormatter f = DateTimeFormatter.ofPattern(name, Locale.ROOT).withZone(ZoneOffset.UTC);
                    return v -> f.format(Instant.ofEpochMilli(v.eventTimeMillis));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(OpenSearchSinkConfig.INDEX_NAME_TEMPLATE_CONFIG, template,
                            "{" + name + "} is neither kind, topic, sensitivity nor a date pattern");
                }
        }
    }

    /** The index name; lowercased, as OpenSearch requires. */
    String render(Values values) {
        StringBuilder sb = new StringBuilder();
        for (Function<Values, String> p : parts) {
            sb.append(p.apply(values));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
