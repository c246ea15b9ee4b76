package io.agenttelemetry.connect.model.config;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.apache.kafka.common.config.ConfigException;

/**
 * A name with {placeholders}, parsed once: each is either one of the allowed variable names or a date pattern
 * ({yyyy.MM.dd}, {HH}) rendered from an event time. Index names and object keys both use it.
 */
public final class PlaceholderTemplate {
    /** A literal, a variable or a date pattern: how it renders, and how it stands in a wildcard pattern. */
    private static final class Part {
        final BiFunction<Map<String, String>, Long, String> render;
        final Function<Map<String, String>, String> wildcard;

        Part(BiFunction<Map<String, String>, Long, String> render, Function<Map<String, String>, String> wildcard) {
            this.render = render;
            this.wildcard = wildcard;
        }
    }

    /**
     * A date pattern's text for an event time. Formatting took a tenth of the OpenSearch sink's mapping of a record;
     * records come in time order, and a pattern without fractions of a second or milli-of-day reads only the second
     * (every zone offset is whole seconds), so the text of the last second is kept.
     */
    private static final class DateText {
        private final DateTimeFormatter formatter;
        private final boolean bySecond;
        /** The last second formatted, immutable, so tasks sharing the template may race on it harmlessly. */
        private Formatted last = new Formatted(Long.MIN_VALUE, null);

        DateText(DateTimeFormatter formatter, boolean bySecond) {
            this.formatter = formatter;
            this.bySecond = bySecond;
        }

        String format(long epochMillis) {
            if (!bySecond) {
                return formatter.format(Instant.ofEpochMilli(epochMillis));
            }
            long second = Math.floorDiv(epochMillis, 1000L);
            Formatted f = last;
            if (f.second != second) {
                f = new Formatted(second, formatter.format(Instant.ofEpochSecond(second)));
                last = f;
            }
            return f.text;
        }
    }

    private record Formatted(long second, String text) {
    }

    private final List<Part> parts;

    private PlaceholderTemplate(List<Part> parts) {
        this.parts = parts;
    }

    /**
     * @param configKey named in errors
     * @param variables the placeholder names that are variables; anything else must be a date pattern
     */
    public static PlaceholderTemplate parse(String configKey, String template, Set<String> variables, ZoneId zone) {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            String literal = template.substring(i, open < 0 ? template.length() : open);
            if (!literal.isEmpty()) {
                parts.add(new Part((vars, time) -> literal, given -> literal));
            }
            if (open < 0) {
                break;
            }
            int close = template.indexOf('}', open);
            if (close < 0) {
                throw new ConfigException(configKey, template, "unclosed {");
            }
            String name = template.substring(open + 1, close);
            if (variables.contains(name)) {
                parts.add(new Part((vars, time) -> vars.get(name), given -> given.getOrDefault(name, "*")));
            } else {
                DateTimeFormatter f;
                try {
                    f = DateTimeFormatter.ofPattern(name, Locale.ROOT).withZone(zone);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(configKey, template, "{" + name + "} is neither one of " + variables + " nor a date pattern");
                }
                DateText date = new DateText(f, !name.matches(".*[SnNA].*"));
                parts.add(new Part((vars, time) -> date.format(time), given -> "*"));
            }
            i = close + 1;
        }
        return new PlaceholderTemplate(parts);
    }

    public String render(Map<String, String> variables, long epochMillis) {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            sb.append(p.render.apply(variables, epochMillis));
        }
        return sb.toString();
    }

    /** A pattern matching every rendering with the given variables: the others and dates as {@code *}. */
    public String wildcard(Map<String, String> given) {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            String w = p.wildcard.apply(given);
            if (!(w.equals("*") && sb.length() > 0 && sb.charAt(sb.length() - 1) == '*')) {
                sb.append(w);
            }
        }
        return sb.toString();
    }
}
