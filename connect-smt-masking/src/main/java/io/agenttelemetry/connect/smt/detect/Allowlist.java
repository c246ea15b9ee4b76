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

    Allowlist(List<Pattern> secretRegexes, List<Pattern> matchRegexes, List<String> stopwords) {
        this.secretRegexes = secretRegexes;
        this.matchRegexes = matchRegexes;
        this.stopwords = stopwords;
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
        if (!stopwords.isEmpty()) {
            String lower = secret.toLowerCase(Locale.ROOT);
            for (String w : stopwords) {
                if (lower.contains(w)) {
                    return true;
                }
            }
        }
        return false;
    }
}
