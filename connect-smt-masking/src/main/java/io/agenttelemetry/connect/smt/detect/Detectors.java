package io.agenttelemetry.connect.smt.detect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The enabled detectors, run together over a string; overlapping findings resolve to the earliest, longest one. */
public final class Detectors {
    private final List<Detector> detectors;

    private Detectors(List<Detector> detectors) {
        this.detectors = detectors;
    }

    /** Every built-in detector: the gitleaks rules, our secret detectors, and PII. */
    public static List<Detector> builtIn() {
        List<Detector> all = new ArrayList<>(GitleaksRules.load());
        all.addAll(BuiltinDetectors.secrets());
        all.addAll(BuiltinDetectors.pii());
        return all;
    }

    /** The built-ins minus those named in disabled, plus any custom ones. */
    public static Detectors of(Collection<Detector> all, Set<String> disabled) {
        List<Detector> enabled = new ArrayList<>();
        for (Detector d : all) {
            if (!disabled.contains(d.name())) {
                enabled.add(d);
            }
        }
        return new Detectors(Collections.unmodifiableList(enabled));
    }

    public List<Detector> list() {
        return detectors;
    }

    /** Detectors that match by context rather than by format; a specific detector names a finding first. */
    private static final Set<String> GENERIC = Set.of("GENERIC_API_KEY", "AUTHORIZATION_HEADER", "BEARER_TOKEN");

    /**
     * Non-overlapping findings in text order. Where findings overlap, a specific secret detector wins over a generic
     * one, and a secret over PII; within a tier the earlier, then the longer finding wins.
     */
    public List<Finding> scan(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        List<Finding> raw = new ArrayList<>();
        for (Detector d : detectors) {
            d.find(text, lower, raw);
        }
        if (raw.size() <= 1) {
            return raw;
        }
        raw.sort(Comparator.comparingInt(Detectors::tier).thenComparingInt(Finding::start).thenComparing(f -> -(f.end() - f.start())));
        List<Finding> kept = new ArrayList<>();
        for (Finding f : raw) {
            if (kept.stream().noneMatch(k -> k.overlaps(f))) {
                kept.add(f);
            }
        }
        kept.sort(Comparator.comparingInt(Finding::start));
        return kept;
    }

    private static int tier(Finding f) {
        if (PII.contains(f.type())) {
            return 2;
        }
        return GENERIC.contains(f.type()) ? 1 : 0;
    }

    private static final Set<String> PII = Set.of("EMAIL", "CREDIT_CARD", "IBAN", "US_SSN", "IP_ADDRESS", "PHONE_NUMBER");
}
