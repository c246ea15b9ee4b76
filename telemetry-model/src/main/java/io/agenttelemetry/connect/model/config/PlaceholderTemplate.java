package io.agenttelemetry.connect.model.config;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.kafka.common.config.ConfigException;

import io.agenttelemetry.connect.model.LastSecondText;

/**
 * A name with {placeholders}, parsed once: each is either one of the allowed variable names or a date pattern
 * ({yyyy.MM.dd}, {HH}) rendered from an event time. Index names and object keys both use it.
 */
public final class PlaceholderTemplate {
    /** A literal, a variable or a date pattern: how it renders, and how it stands in a wildcard pattern. */
    private static final class Part {
        final Renderer render;
        final Function<Map<String, String>, String> wildcard;

        Part(Renderer render, Function<Map<String, String>, String> wildcard) {
            this.render = render;
            this.wildcard = wildcard;
        }
    }

    /** A part's text from the variables' values and the event time. */
    private interface Renderer {
        String render(Function<String, String> variables, long epochMillis);
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
                parts.add(new Part((vars, time) -> vars.apply(name), given -> given.getOrDefault(name, "*")));
            } else {
                DateTimeFormatter f;
                try {
                    f = DateTimeFormatter.ofPattern(name, Locale.ROOT).withZone(zone);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(configKey, template, "{" + name + "} is neither one of " + variables + " nor a date pattern");
                }
                parts.add(new Part(dateText(f, name), given -> "*"));
            }
            i = close + 1;
        }
        return new PlaceholderTemplate(parts);
    }

    /**
     * A date pattern's text for an event time. One without fractions of a second or milli-of-day reads only the
     * second (every zone offset is whole seconds), so its text is kept per second.
     */
    private static Renderer dateText(DateTimeFormatter f, String pattern) {
        if (pattern.matches(".*[SnNA].*")) {
            return (vars, time) -> f.format(Instant.ofEpochMilli(time));
        }
        LastSecondText bySecond = new LastSecondText(second -> f.format(Instant.ofEpochSecond(second)));
        return (vars, time) -> bySecond.of(Math.floorDiv(time, 1000L));
    }

    public String render(Map<String, String> variables, long epochMillis) {
        return render(variables::get, epochMillis);
    }

    /** @param variables each variable's value by name: for a caller per record, without making a map each time */
    public String render(Function<String, String> variables, long epochMillis) {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            sb.append(p.render.render(variables, epochMillis));
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
