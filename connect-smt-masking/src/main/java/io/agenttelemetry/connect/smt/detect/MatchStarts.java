package io.agenttelemetry.connect.smt.detect;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What every match of a regex begins with, read from the regex where it says so plainly: literal text, groups and
 * alternatives of literal text, optional groups, zero-width assertions and inline flags, and classes of one letter in
 * both cases ({@code [Aa]}). Used to try a regex only where one of its keywords starts. Anything else (a class, a
 * dot, an escape like {@code \w}) ends what is known, which only makes the prefixes shorter; a regex that may begin
 * with something unknown has no known start.
 */
final class MatchStarts {
    private static final int MAX_PREFIXES = 256;

    private final String re;
    private int pos;

    private MatchStarts(String re) {
        this.re = re;
    }

    /** True if every match of the regex begins with one of the keywords (lowercase), compared ignoring ASCII case. */
    static boolean beginWithKeyword(String regex, String[] keywords) {
        if (keywords.length == 0) {
            return false;
        }
        Set<Prefix> prefixes;
        try {
            MatchStarts parser = new MatchStarts(regex);
            prefixes = parser.alternatives();
            if (parser.pos != regex.length()) {
                return false;
            }
        } catch (Unknown e) {
            return false;
        }
        for (Prefix p : prefixes) {
            String lower = p.text().toLowerCase(Locale.ROOT);
            boolean any = false;
            for (String k : keywords) {
                any |= !k.isEmpty() && lower.startsWith(k);
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    /** A known beginning of matches; open if it is all of what that alternative matches so far (it may grow). */
    private record Prefix(String text, boolean open) {
    }

    private static final class Unknown extends RuntimeException {
        Unknown() {
            super(null, null, false, false);
        }
    }

    /** Alternatives up to the end or an unmatched ')': the union of their prefixes. */
    private Set<Prefix> alternatives() {
        Set<Prefix> out = new HashSet<>(sequence());
        while (pos < re.length() && re.charAt(pos) == '|') {
            pos++;
            out.addAll(sequence());
        }
        bound(out);
        return out;
    }

    /** One alternative: items until '|', ')' or the end. */
    private Set<Prefix> sequence() {
        Set<Prefix> current = new HashSet<>();
        current.add(new Prefix("", true));
        while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
            if (current.stream().noneMatch(p -> p.open())) {
                skipItem();
                continue;
            }
            current = item(current);
        }
        return current;
    }

    /** Extends the open prefixes by the next item. */
    private Set<Prefix> item(Set<Prefix> before) {
        char c = re.charAt(pos);
        if (c == '^') {
            pos++;
            return before;
        }
        if (c == '\\' && pos + 1 < re.length() && (re.charAt(pos + 1) == 'b' || re.charAt(pos + 1) == 'B')) {
            pos += 2;
            return before;
        }
        if (c == '(') {
            return group(before);
        }
        String literal = literal();
        if (literal == null) {
            skipItem();
            return closed(before);
        }
        Quantifier q = quantifier();
        if (q.optional()) {
            return closed(before);
        }
        Set<Prefix> out = new HashSet<>();
        for (Prefix p : before) {
            out.add(p.open() ? new Prefix(p.text() + literal, !q.repeats()) : p);
        }
        return out;
    }

    private Set<Prefix> group(Set<Prefix> before) {
        pos++; // (
        if (re.startsWith("?=", pos) || re.startsWith("?!", pos) || re.startsWith("?<=", pos) || re.startsWith("?<!", pos)) {
            pos--;
            skipItem(); // zero-width
            return before;
        }
        if (re.startsWith("?", pos)) {
            int flagsEnd = pos + 1;
            while (flagsEnd < re.length() && (Character.isLetter(re.charAt(flagsEnd)) || re.charAt(flagsEnd) == '-')) {
                flagsEnd++;
            }
            if (re.substring(pos, flagsEnd).indexOf('x') >= 0) {
                throw new Unknown(); // comments mode: whitespace and '#' are not literal
            }
            if (flagsEnd < re.length() && re.charAt(flagsEnd) == ')') { // inline flags such as (?i): zero-width
                pos = flagsEnd + 1;
                return before;
            }
            if (re.startsWith("?<", pos)) { // named group
                pos = re.indexOf('>', pos) + 1;
                if (pos == 0) {
                    throw new Unknown();
                }
            } else if (flagsEnd < re.length() && re.charAt(flagsEnd) == ':') { // (?:...) or (?i:...)
                pos = flagsEnd + 1;
            } else {
                throw new Unknown();
            }
        }
        Set<Prefix> inner = alternatives();
        if (pos >= re.length() || re.charAt(pos) != ')') {
            throw new Unknown();
        }
        pos++;
        Quantifier q = quantifier();
        Set<Prefix> out = new HashSet<>();
        for (Prefix p : before) {
            if (!p.open()) {
                out.add(p);
                continue;
            }
            if (q.optional()) {
                out.add(p);
            }
            for (Prefix i : inner) {
                out.add(new Prefix(p.text() + i.text(), i.open() && !q.repeats()));
            }
        }
        bound(out);
        return out;
    }

    /** The next character as literal text, or null if it is not one (a class other than [Aa], a dot, \w ...). */
    private String literal() {
        char c = re.charAt(pos);
        if (c == '\\') {
            if (pos + 1 >= re.length()) {
                throw new Unknown();
            }
            char e = re.charAt(pos + 1);
            if (Character.isLetterOrDigit(e)) {
                return null;
            }
            pos += 2;
            return String.valueOf(e);
        }
        if (c == '[') {
            int end = re.indexOf(']', pos + 1);
            if (end == pos + 3 && Character.toLowerCase(re.charAt(pos + 1)) == Character.toLowerCase(re.charAt(pos + 2))
                    && re.charAt(pos + 1) < 128 && Character.isLetter(re.charAt(pos + 1))) {
                pos = end + 1;
                return String.valueOf(Character.toLowerCase(re.charAt(end - 1)));
            }
            return null;
        }
        if (".$*+?{}[]|()".indexOf(c) >= 0) {
            return null;
        }
        pos++;
        return String.valueOf(c);
    }

    /** What a quantifier allows of the item before it: to be absent, to repeat. */
    private record Quantifier(boolean optional, boolean repeats) {
    }

    /** Reads a quantifier after an item, if any: may the item be absent, may it repeat. */
    private Quantifier quantifier() {
        if (pos >= re.length()) {
            return new Quantifier(false, false);
        }
        char c = re.charAt(pos);
        Quantifier q;
        if (c == '?' || c == '*' || c == '+') {
            pos++;
            q = new Quantifier(c != '+', c != '?');
        } else if (c == '{') {
            int end = re.indexOf('}', pos);
            if (end < 0) {
                throw new Unknown();
            }
            String[] bounds = re.substring(pos + 1, end).split(",", -1);
            pos = end + 1;
            boolean optional = bounds[0].isEmpty() || Integer.parseInt(bounds[0].trim()) == 0;
            q = new Quantifier(optional, bounds.length > 1 || Integer.parseInt(bounds[0].trim()) > 1);
        } else {
            return new Quantifier(false, false);
        }
        if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) {
            pos++; // lazy or possessive: the same set of possible beginnings
        }
        return q;
    }

    /** Skips one item (with its quantifier) whose content no longer matters. */
    private void skipItem() {
        char c = re.charAt(pos);
        if (c == '\\') {
            pos += 2;
        } else if (c == '[') {
            pos++;
            if (pos < re.length() && re.charAt(pos) == '^') {
                pos++;
            }
            pos++; // a ']' right after '[' or '[^' is literal
            while (pos < re.length() && re.charAt(pos) != ']') {
                pos += re.charAt(pos) == '\\' ? 2 : 1;
            }
            pos++;
        } else if (c == '(') {
            int depth = 0;
            do {
                char d = re.charAt(pos);
                if (d == '\\') {
                    pos++;
                } else if (d == '[') {
                    skipItem();
                    continue;
                } else if (d == '(') {
                    depth++;
                } else if (d == ')') {
                    depth--;
                }
                pos++;
            } while (depth > 0 && pos < re.length());
        } else {
            pos++;
        }
        if (pos > re.length()) {
            throw new Unknown();
        }
        quantifier();
    }

    private static Set<Prefix> closed(Set<Prefix> prefixes) {
        Set<Prefix> out = new HashSet<>();
        prefixes.forEach(p -> out.add(new Prefix(p.text(), false)));
        return out;
    }

    private static void bound(Set<Prefix> prefixes) {
        if (prefixes.size() > MAX_PREFIXES) {
            throw new Unknown();
        }
    }
}
