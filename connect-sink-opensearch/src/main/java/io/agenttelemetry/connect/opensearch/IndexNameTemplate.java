package io.agenttelemetry.connect.opensearch;

import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.agenttelemetry.connect.model.config.PlaceholderTemplate;

/** The index name template: {kind}, {topic}, {sensitivity} and date patterns like {yyyy.MM.dd} (UTC). */
final class IndexNameTemplate {
    private static final String KIND = "kind";
    private static final String TOPIC = "topic";
    private static final String SENSITIVITY = "sensitivity";

    /** The values a record provides to a template. */
    static final class Values implements Function<String, String> {
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

        /** A variable's value by name, so that rendering a record's index name builds no map. */
        @Override
        public String apply(String variable) {
            switch (variable) {
                case KIND: return kind;
                case TOPIC: return topic;
                case SENSITIVITY: return sensitivity;
                default: return null;
            }
        }
    }

    private final PlaceholderTemplate template;

    private IndexNameTemplate(PlaceholderTemplate template) {
        this.template = template;
    }

    static IndexNameTemplate parse(String template) {
        return new IndexNameTemplate(PlaceholderTemplate.parse(OpenSearchSinkConfig.INDEX_NAME_TEMPLATE_CONFIG, template,
                Set.of(KIND, TOPIC, SENSITIVITY), ZoneOffset.UTC));
    }

    /** A pattern of the names of one kind: other placeholders and dates as wildcards, lowercased. */
    String wildcard(String kind) {
        return template.wildcard(Map.of(KIND, kind)).toLowerCase(Locale.ROOT);
    }

    /** The index name; lowercased, as OpenSearch requires. */
    String render(Values v) {
        return template.render(v, v.eventTimeMillis).toLowerCase(Locale.ROOT);
    }
}
