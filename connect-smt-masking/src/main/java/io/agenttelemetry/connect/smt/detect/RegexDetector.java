package io.agenttelemetry.connect.smt.detect;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A detector defined by a regex, as gitleaks rules are: lowercase keywords that must appear before the regex runs
 * (the cheap prefilter), the group holding the secret, a minimum entropy for it, and allowlists.
 */
final class RegexDetector implements Detector {
    private final String name;
    private final Family family;
    private final Pattern pattern;
    private final String[] keywords;
    private final int secretGroup;
    private final double minEntropy;
    private final Allowlist allowlist;
    private final Predicate<String> validator;
    private int minDigits;
    private boolean numeric;
    private Predicate<String> shape = t -> true;
    /** Up to how many [\w.-] characters a match reaches left of where the pattern starts matching (see {@link #leftReach}). */
    private int leftReach;
    /**
     * Every match begins with one of the keywords, so the regex is tried where a keyword starts instead of at every
     * position: gitleaks' generic rule runs on most agent text (its keywords include key, token and auth), and tried
     * everywhere it was most of the masking cost on the agent corpus.
     */
    private boolean anchoredAtKeywords;
    /** The keywords by their first character, with the ASCII case bit set (so 'K' and 'k' share a slot). */
    private final String[][] keywordsByStart = new String[128][];
    /**
     * Where to look for keywords: each keyword's least common character (both cases for a letter) and its place in
     * the keyword. A probe found at i means a keyword may start at i minus that place. The '.' of vault's "s." is
     * found far less often than its 's', which is in most words.
     */
    private final char[] probeChars;
    private final int[] probeOffsets;

    RegexDetector(String name, Family family, Pattern pattern, String[] keywords, int secretGroup, double minEntropy, Allowlist allowlist) {
        this(name, family, pattern, keywords, secretGroup, minEntropy, allowlist, v -> true);
    }

    /** @param validator a check the found value must pass, e.g. a Luhn checksum */
    RegexDetector(String name, Family family, Pattern pattern, String[] keywords, int secretGroup, double minEntropy,
                  Allowlist allowlist, Predicate<String> validator) {
        this.name = name;
        this.family = family;
        this.pattern = pattern;
        this.keywords = keywords;
        this.secretGroup = secretGroup;
        this.minEntropy = minEntropy;
        this.allowlist = allowlist;
        this.validator = validator;
        // Each probe as its place in the keyword (high bits) and its character (low 16 bits), without repeats.
        Set<Integer> probes = new LinkedHashSet<>();
        if ((pattern.flags() & Pattern.COMMENTS) == 0 && MatchStarts.beginWithKeyword(pattern.pattern(), keywords)
                && Arrays.stream(keywords).allMatch(k -> k.chars().allMatch(ch -> ch < 128) && k.equals(k.toLowerCase(Locale.ROOT)))) {
            for (String k : keywords) {
                String[] before = keywordsByStart[k.charAt(0) | 0x20];
                keywordsByStart[k.charAt(0) | 0x20] = before == null ? new String[] {k} : append(before, k);
                int at = leastCommonCharAt(k);
                probes.add(at << 16 | k.charAt(at));
                probes.add(at << 16 | Character.toUpperCase(k.charAt(at)));
            }
            anchoredAtKeywords = true;
        }
        probeChars = new char[probes.size()];
        probeOffsets = new int[probes.size()];
        int j = 0;
        for (int probe : probes) {
            probeChars[j] = (char) probe;
            probeOffsets[j++] = probe >>> 16;
        }
    }

    /** The place of the keyword's character least likely in text: rare letters, then punctuation, then digits. */
    static int leastCommonCharAt(String keyword) {
        int best = 0;
        for (int i = 1; i < keyword.length(); i++) {
            if (commonness(keyword.charAt(i)) < commonness(keyword.charAt(best))) {
                best = i;
            }
        }
        return best;
    }

    private static int commonness(char c) {
        if (c >= 'a' && c <= 'z') {
            return "etaoinsrhldcu".indexOf(c) >= 0 ? 3 : 0;
        }
        return c >= '0' && c <= '9' ? 2 : 1;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Family family() {
        return family;
    }

    /** Skips strings with fewer digits than a match needs (cards, SSNs, phone numbers). */
    RegexDetector minDigits(int digits) {
        this.minDigits = digits;
        return this;
    }

    /** A cheap check a string must pass before the regex runs, e.g. "has two capitals followed by two digits". */
    RegexDetector shape(Predicate<String> check) {
        this.shape = check;
        return this;
    }

    /**
     * Tries the regex at every position, as written, even where every match must begin with a keyword (see
     * {@link MatchStarts}): for comparing the two.
     */
    RegexDetector triedEverywhere() {
        this.anchoredAtKeywords = false;
        return this;
    }

    /**
     * For a regex that began with a lazy {@code [\w.-]{0,n}?}, as gitleaks' semi-generic rules do, given without it:
     * that prefix only moves where a match starts, never whether or what it captures, but it made the regex try up
     * to n characters from every position of the text. The whole match, which allowlists may test, is
     * rebuilt by reaching left over those characters, as far as the lazy prefix would have started.
     */
    RegexDetector leftReach(int n) {
        this.leftReach = n;
        return this;
    }

    /** Marks a detector whose values are made of digits and separators only (see {@link Detector#numeric()}). */
    RegexDetector numericOnly() {
        this.numeric = true;
        return this;
    }

    /** The regex, without the gates around it. */
    Pattern pattern() {
        return pattern;
    }

    @Override
    public boolean numeric() {
        return numeric;
    }

    @Override
    public String[] keywords() {
        return keywords;
    }

    @Override
    public int minDigits() {
        return minDigits;
    }

    @Override
    public void find(String text, List<Finding> out) {
        if (!shape.test(text)) {
            return;
        }
        if (!anchoredAtKeywords) {
            Matcher m = pattern.matcher(text);
            int searchedFrom = 0;
            while (m.find()) {
                accept(m, text, searchedFrom, out);
                searchedFrom = m.end();
            }
            return;
        }
        // Tried only where a keyword starts, as find() would try every position: the same matches, in the same order.
        // The places to look are found by indexOf of each keyword's probe character, which the JVM scans many
        // characters at a time, instead of looking up every character.
        Matcher m = null; // made at the first keyword: most texts a keyword gate lets through hold none where it starts
        int n = text.length();
        int[] next = new int[probeChars.length];
        for (int j = 0; j < next.length; j++) {
            next[j] = text.indexOf(probeChars[j], probeOffsets[j]);
        }
        int searchedFrom = 0;
        int from = 0;
        while (true) {
            int i = -1;
            for (int j = 0; j < next.length; j++) {
                if (next[j] >= 0 && next[j] - probeOffsets[j] < from) {
                    next[j] = text.indexOf(probeChars[j], from + probeOffsets[j]);
                }
                if (next[j] >= 0 && (i < 0 || next[j] - probeOffsets[j] < i)) {
                    i = next[j] - probeOffsets[j];
                }
            }
            if (i < 0) {
                return;
            }
            from = i + 1;
            if (keywordAt(text, i)) {
                if (m == null) {
                    m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                }
                m.region(i, n);
                if (m.lookingAt()) {
                    accept(m, text, searchedFrom, out);
                    searchedFrom = m.end();
                    from = Math.max(from, m.end());
                }
            }
        }
    }

    /** A match, unless its secret is empty, too regular, invalid or allowed. */
    private void accept(Matcher m, String text, int searchedFrom, List<Finding> out) {
        int start = reachLeft(text, m.start(), searchedFrom);
        int group = secretGroup >= 0 ? secretGroup : firstNonEmptyGroup(m);
        int secretStart = group == 0 ? start : m.start(group);
        if (secretStart < 0 || m.end(group) <= secretStart) {
            return;
        }
        String secret = text.substring(secretStart, m.end(group));
        if (minEntropy > 0 && Entropy.shannon(secret) < minEntropy) {
            return;
        }
        if (!validator.test(secret) || allowlist.allows(secret, text.substring(start, m.end()), text)) {
            return;
        }
        out.add(new Finding(name, secretStart, m.end(group)));
    }

    /** True if one of the keywords starts at i, ignoring case (the regex then decides whether a match starts there). */
    private boolean keywordAt(String text, int i) {
        char c = text.charAt(i);
        String[] candidates = c < 128 ? keywordsByStart[c | 0x20] : null;
        if (candidates == null) {
            return false;
        }
        for (String k : candidates) {
            if (text.regionMatches(true, i, k, 0, k.length())) {
                return true;
            }
        }
        return false;
    }

    private static String[] append(String[] a, String k) {
        String[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = k;
        return out;
    }

    /** Where the match would start with the lazy prefix: left over [\w.-] characters, at most leftReach, not before from. */
    private int reachLeft(String text, int start, int from) {
        int limit = Math.max(from, start - leftReach);
        while (start > limit && isWordDotDash(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    private static boolean isWordDotDash(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
    }

    /**
     * Without a configured secret group, the secret is the first capture group that matched something, as in
     * gitleaks (rules like curl-auth-header capture Basic, Bearer and other tokens in different groups); the whole
     * match if there is none.
     */
    private static int firstNonEmptyGroup(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.start(g) >= 0 && m.end(g) > m.start(g)) {
                return g;
            }
        }
        return 0;
    }
}
