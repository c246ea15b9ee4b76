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

import org.apache.kafka.common.config.ConfigException;

/**
 * A name with {placeholders}, parsed once: each is either one of the allowed variable names or a date pattern
 * ({yyyy.MM.dd}, {HH}) rendered from an event time. Index names and object keys both use it.
 */
public final class PlaceholderTemplate {
    private final List<BiFunction<Map<String, String>, Long, String>> parts;

    private PlaceholderTemplate(List<BiFunction<Map<String, String>, Long, String>> parts) {
        this.parts = parts;
    }

    /**
     * @param configKey named in errors
     * @param variables the placeholder names that are variables; anything else must be a date pattern
     */
    public static PlaceholderTemplate parse(String configKey, String template, Set<String> variables, ZoneId zone) {
        List<BiFunction<Map<String, String>, Long, String>> parts = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            String literal = template.substring(i, open < 0 ? template.length() : open);
            if (!literal.isEmpty()) {
                parts.add((vars, time) -> literal);
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
                parts.add((vars, time) -> vars.get(name));
            } else {
                DateTimeFormatter f;
                try {
                    f = DateTimeFormatter.ofPattern(name, Locale.ROOT).withZone(zone);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(configKey, template, "{" + name + "} is neither one of " + variables + " nor a date pattern");
                }
                parts.add((vars, time) -> f.format(Instant.ofEpochMilli(time)));
            }
            i = close + 1;
        }
        return new PlaceholderTemplate(parts);
    }

    public String render(Map<String, String> variables, long epochMillis) {
        StringBuilder sb = new StringBuilder();
        for (BiFunction<Map<String, String>, Long, String> p : parts) {
            sb.append(p.apply(variables, epochMillis));
        }
        return sb.toString();
    }
}
