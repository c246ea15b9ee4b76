package io.agenttelemetry.connect.smt.detect;

import java.util.List;
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

    /** Marks a detector whose values are made of digits and separators only (see {@link Detector#numeric()}). */
    RegexDetector numericOnly() {
        this.numeric = true;
        return this;
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
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            int group = secretGroup >= 0 ? secretGroup : firstNonEmptyGroup(m);
            String secret = m.group(group);
            if (secret == null || secret.isEmpty()) {
                continue;
            }
            if (minEntropy > 0 && Entropy.shannon(secret) < minEntropy) {
                continue;
            }
            if (!validator.test(secret) || allowlist.allows(secret, m.group(), text)) {
                continue;
            }
            out.add(new Finding(name, m.start(group), m.end(group)));
        }
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
