package io.agenttelemetry.connect.smt.detect;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Detectors users define in configuration: a regex, and optionally an entropy floor, a checksum and keywords. */
public final class CustomDetector {
    /** Checksums a custom detector's value can be required to pass. */
    public enum Validator {
        NONE(v -> true),
        LUHN(BuiltinDetectors::luhn),
        MOD97(BuiltinDetectors::mod97);

        private final Predicate<String> check;

        Validator(Predicate<String> check) {
            this.check = check;
        }
    }

    private CustomDetector() {
    }

    /**
     * @param group the capture group holding the value to mask; -1: group 1 if the regex has one, else the match
     * @param keywords lowercase words one of which must occur before the regex runs; empty runs it on every string
     */
    public static Detector of(String name, Detector.Family family, Pattern regex, int group, double minEntropy,
                              Validator validator, String[] keywords) {
        String[] lower = new String[keywords.length];
        for (int i = 0; i < keywords.length; i++) {
            lower[i] = keywords[i].toLowerCase(Locale.ROOT);
        }
        return new RegexDetector(name, family, regex, lower, group, minEntropy, Allowlist.NONE, validator.check);
    }
}
