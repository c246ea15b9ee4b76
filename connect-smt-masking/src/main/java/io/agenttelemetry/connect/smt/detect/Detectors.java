package io.agenttelemetry.connect.smt.detect;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The enabled detectors, run together over a string; overlapping findings resolve to the earliest, longest one. */
public final class Detectors {
    private final List<Detector> detectors;
    private final KeywordIndex keywords;
    /** Detectors without a keyword gate (or with keywords the index cannot hold): always candidates. */
    private final BitSet ungated = new BitSet();
    /**
     * Short strings found clean, direct-mapped by hash: attribute values such as model, tool and agent names repeat
     * in every record and need scanning once. Detection is deterministic, so a remembered verdict is exact; a
     * colliding string just replaces the slot. Reads and writes of the slots are atomic, so tasks may share it.
     */
    private static final int CLEAN_CACHE_SLOTS = 4096;
    private static final int CLEAN_CACHE_MAX_CHARS = 64;
    private final String[] clean = new String[CLEAN_CACHE_SLOTS];

    private Detectors(List<Detector> detectors) {
        this.detectors = detectors;
        List<String[]> perDetector = new ArrayList<>();
        for (int i = 0; i < detectors.size(); i++) {
            String[] k = detectors.get(i).keywords();
            perDetector.add(k);
            if (k.length == 0 || java.util.Arrays.stream(k).anyMatch(w -> w.chars().anyMatch(c -> c >= 128))) {
                ungated.set(i);
            }
        }
        this.keywords = new KeywordIndex(perDetector);
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
    private static final Set<String> GENERIC = Set.of("GENERIC_API_KEY", "AUTHORIZATION_HEADER", "BEARER_TOKEN",
            "CURL_AUTH_HEADER", "CURL_AUTH_USER");

    /**
     * Non-overlapping findings in text order. Where findings overlap, a specific secret detector wins over a generic
     * one, and a secret over PII; within a tier the earlier, then the longer finding wins.
     */
    public List<Finding> scan(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        boolean cacheable = text.length() <= CLEAN_CACHE_MAX_CHARS;
        int slot = cacheable ? (text.hashCode() & (CLEAN_CACHE_SLOTS - 1)) : 0;
        if (cacheable && text.equals(clean[slot])) {
            return List.of();
        }
        List<Finding> found = scanUncached(text);
        if (cacheable && found.isEmpty()) {
            clean[slot] = text;
        }
        return found;
    }

    private List<Finding> scanUncached(String text) {
        BitSet candidates = keywords.match(text);
        candidates.or(ungated);
        // Digits in all, and in the richest numeric window: a numeric detector needs its digits within one window,
        // so ids and hashes, whose digit runs are short, never cut windows at all.
        int digits = 0;
        int windowDigits = 0;
        int mostWindowDigits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                digits++;
                windowDigits++;
            } else if (!isSeparator(c)) {
                mostWindowDigits = Math.max(mostWindowDigits, windowDigits);
                windowDigits = 0;
            }
        }
        mostWindowDigits = Math.max(mostWindowDigits, windowDigits);
        List<Ranked> raw = new ArrayList<>();
        List<int[]> windows = null;
        String[] windowTexts = null; // cut once, shared by the numeric detectors
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            Detector d = detectors.get(i);
            if (digits < d.minDigits()) {
                continue;
            }
            int tier = tier(d);
            if (!d.numeric()) {
                List<Finding> found = new ArrayList<>();
                d.find(text, found);
                found.forEach(f -> raw.add(new Ranked(f, tier)));
                continue;
            }
            if (mostWindowDigits < d.minDigits()) {
                continue;
            }
            if (windows == null) {
                windows = numericWindows(text);
                windowTexts = new String[windows.size()];
            }
            for (int k = 0; k < windows.size(); k++) {
                int[] w = windows.get(k);
                if (w[2] >= d.minDigits()) {
                    if (windowTexts[k] == null) {
                        windowTexts[k] = text.substring(w[0], w[1]);
                    }
                    List<Finding> found = new ArrayList<>();
                    d.find(windowTexts[k], found);
                    for (Finding f : found) {
                        raw.add(new Ranked(new Finding(f.type(), f.start() + w[0], f.end() + w[0]), tier));
                    }
                }
            }
        }
        if (raw.isEmpty()) {
            return List.of();
        }
        raw.sort(PRECEDENCE);
        List<Finding> kept = new ArrayList<>();
        for (Ranked r : raw) {
            if (kept.stream().noneMatch(k -> k.overlaps(r.finding))) {
                kept.add(r.finding);
            }
        }
        kept.sort(Comparator.comparingInt(Finding::start));
        return kept;
    }

    /**
     * Maximal runs of digits and separators ({@code +().:-}, space) that hold digits, each widened by one
     * character on both sides so that look-arounds see the same neighbours as in the whole text: {start, end, digits}.
     */
    static List<int[]> numericWindows(String text) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && !isDigit(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (start > 0 && isSeparator(text.charAt(start - 1))) {
                start--;
            }
            int digits = 0;
            while (i < n && (isDigit(text.charAt(i)) || isSeparator(text.charAt(i)))) {
                if (isDigit(text.charAt(i))) {
                    digits++;
                }
                i++;
            }
            out.add(new int[] {Math.max(0, start - 1), Math.min(n, i + 1), digits});
        }
        return out;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '+' || c == ':';
    }

    /** 0 for a specific secret detector, 1 for a generic one, 2 for PII: the lower tier names an overlap. */
    private static int tier(Detector d) {
        if (d.family() == Detector.Family.PII) {
            return 2;
        }
        return GENERIC.contains(d.name()) ? 1 : 0;
    }

    /** Which of two overlapping findings names the value: the lower tier, then the earlier, then the longer. */
    private static final Comparator<Ranked> PRECEDENCE = Comparator.<Ranked>comparingInt(r -> r.tier)
            .thenComparingInt(r -> r.finding.start()).thenComparingInt(r -> -(r.finding.end() - r.finding.start()));

    /** A finding with the tier of the detector that made it. */
    private static final class Ranked {
        final Finding finding;
        final int tier;

        Ranked(Finding finding, int tier) {
            this.finding = finding;
            this.tier = tier;
        }
    }
}
