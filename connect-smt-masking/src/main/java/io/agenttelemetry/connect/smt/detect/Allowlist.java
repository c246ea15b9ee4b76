package io.agenttelemetry.connect.smt.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Values that look sensitive but are known not to be: regexes on the secret or the whole match, and stopwords. */
final class Allowlist {
    static final Allowlist NONE = new Allowlist(List.of(), List.of(), List.of());

    private final List<Pattern> secretRegexes;
    private final List<Pattern> matchRegexes;
    private final List<String> stopwords;
    /**
     * The stopwords in one automaton: gitleaks' generic rule has 1,446, and looking for each in turn took about
     * 7 µs per finding (0.1 so).
     */
    private final KeywordIndex stopwordIndex;

    Allowlist(List<Pattern> secretRegexes, List<Pattern> matchRegexes, List<String> stopwords) {
        this.secretRegexes = secretRegexes;
        this.matchRegexes = matchRegexes;
        this.stopwords = stopwords;
        this.stopwordIndex = new KeywordIndex(List.<String[]>of(stopwords.toArray(new String[0])));
    }

    Allowlist and(Allowlist other) {
        List<Pattern> s = new ArrayList<>(secretRegexes);
        s.addAll(other.secretRegexes);
        List<Pattern> m = new ArrayList<>(matchRegexes);
        m.addAll(other.matchRegexes);
        List<String> w = new ArrayList<>(stopwords);
        w.addAll(other.stopwords);
        return new Allowlist(s, m, w);
    }

    boolean allows(String secret, String match, String text) {
        for (Pattern p : secretRegexes) {
            if (p.matcher(secret).find()) {
                return true;
            }
        }
        for (Pattern p : matchRegexes) {
            if (p.matcher(match).find()) {
                return true;
            }
        }
        return !stopwords.isEmpty() && containsStopword(secret);
    }

    /**
     * Whether the secret, lowercased, contains a stopword. The automaton reads ASCII only and ignores ASCII case,
     * which is the same for an ASCII secret (a stopword with other characters cannot occur in one); any other
     * secret is lowercased and searched word by word, as lowercasing may turn a character that is not ASCII into
     * one that is (the Kelvin sign into 'k').
     */
    private boolean containsStopword(String secret) {
        if (isAscii(secret)) {
            long[] found = new long[1];
            stopwordIndex.find(secret, found);
            return found[0] != 0;
        }
        String lower = secret.toLowerCase(Locale.ROOT);
        for (String w : stopwords) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
