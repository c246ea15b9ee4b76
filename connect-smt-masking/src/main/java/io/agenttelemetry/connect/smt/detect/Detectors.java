package io.agenttelemetry.connect.smt.detect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The enabled detectors, run together over a string; overlapping findings resolve to the earliest, longest one. */
public final class Detectors {
    /** Per ASCII character: true for a digit or a separator of a digit run. */
    private static final boolean[] IN_DIGIT_RUN = new boolean[128];

    static {
        for (char c : "0123456789 -.()+:".toCharArray()) {
            IN_DIGIT_RUN[c] = true;
        }
    }

    private final List<Detector> detectors;
    private final KeywordIndex keywords;
    /** Detectors without a keyword gate (or with keywords the index cannot hold): always candidates. */
    private final long[] ungated;
    /** Each detector's tier, by index (see {@link #tier}). */
    private final int[] tiers;
    /** The fewest digits any numeric detector needs: shorter digit runs are no window. */
    private final int minNumericDigits;
    /**
     * Short strings found clean, direct-mapped by hash: attribute values such as model, tool and agent names repeat
     * in every record and need scanning once. Detection is deterministic, so a remembered verdict is exact; a
     * colliding string just replaces the slot. Reads and writes of the slots are atomic, so tasks may share it.
     * Each slot's hash is kept beside it and compared first: ids, unique in every record, collide with the ids of
     * earlier records, and comparing them with equals read two cold objects per id (about 200 ns in the benchmark).
     * A hash and string from different writes only make a miss, as equals decides.
     */
    private static final int CLEAN_CACHE_SLOTS = 4096;
    private static final int CLEAN_CACHE_MAX_CHARS = 64;
    private final String[] clean = new String[CLEAN_CACHE_SLOTS];
    private final int[] cleanHashes = new int[CLEAN_CACHE_SLOTS];

    private Detectors(List<Detector> detectors) {
        this.detectors = detectors;
        List<String[]> perDetector = new ArrayList<>();
        this.ungated = new long[(detectors.size() + 63) / 64];
        this.tiers = new int[detectors.size()];
        for (int i = 0; i < detectors.size(); i++) {
            tiers[i] = tier(detectors.get(i));
            String[] k = detectors.get(i).keywords();
            perDetector.add(k);
            if (k.length == 0 || java.util.Arrays.stream(k).anyMatch(w -> w.chars().anyMatch(c -> c >= 128))) {
                ungated[i / 64] |= 1L << i;
            }
        }
        this.keywords = new KeywordIndex(perDetector);
        this.minNumericDigits = detectors.stream().filter(Detector::numeric).mapToInt(Detector::minDigits).min().orElse(Integer.MAX_VALUE);
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
        int hash = cacheable ? text.hashCode() : 0;
        int slot = hash & (CLEAN_CACHE_SLOTS - 1);
        if (cacheable && cleanHashes[slot] == hash && text.equals(clean[slot])) {
            return List.of();
        }
        List<Finding> found = scanUncached(text);
        if (cacheable && found.isEmpty()) {
            clean[slot] = text;
            cleanHashes[slot] = hash;
        }
        return found;
    }

    private List<Finding> scanUncached(String text) {
        long[] candidates = new long[ungated.length];
        keywords.find(text, candidates);
        DigitRuns runs = DigitRuns.of(text, minNumericDigits);
        List<Ranked> raw = new ArrayList<>();
        List<Finding> found = new ArrayList<>();
        for (int w = 0; w < candidates.length; w++) {
            for (long bits = candidates[w] | ungated[w]; bits != 0; bits &= bits - 1) {
                int i = w * 64 + Long.numberOfTrailingZeros(bits);
                Detector d = detectors.get(i);
                if (runs.digits >= d.minDigits()) {
                    find(d, tiers[i], text, runs, found, raw);
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
     * Adds d's findings in the text to raw, by way of found (emptied first); a numeric detector looks only at the
     * digit windows that could hold a match.
     */
    private static void find(Detector d, int tier, String text, DigitRuns runs, List<Finding> found, List<Ranked> raw) {
        found.clear();
        if (!d.numeric()) {
            d.find(text, found);
            for (Finding f : found) {
                raw.add(new Ranked(f, tier));
            }
            return;
        }
        for (int k = 0; k < runs.windows.size(); k++) {
            int[] w = runs.windows.get(k);
            if (w[2] >= d.minDigits()) {
                found.clear();
                d.find(runs.windowText(text, k), found);
                for (Finding f : found) {
                    raw.add(new Ranked(new Finding(f.type(), f.start() + w[0], f.end() + w[0]), tier));
                }
            }
        }
    }

    /**
     * A string's digits: how many in all, and its maximal runs of digits and separators ({@code +().:-}, space) that
     * hold digits. A numeric detector needs its digits within one run, so ids and hashes, whose digit runs are short,
     * yield no window. Each window is a run with at least minDigits digits, widened by two characters on both sides so
     * that look-arounds see the same neighbours as in the whole text (IP_ADDRESS looks two characters back, for the
     * letter and slash before a browser's version).
     */
    private static final class DigitRuns {
        private final int minDigits;
        private final int length;
        int digits;
        List<int[]> windows = List.of();
        /** Each window's text, cut once and shared by the numeric detectors. */
        private String[] windowTexts;

        DigitRuns(int minDigits, int length) {
            this.minDigits = minDigits;
            this.length = length;
        }

        /**
         * Found from the digits: most of a text has none, and the loop that looks for the next one does little else,
         * where following every separator (each space) as a possible run start branched at random on prose.
         */
        static DigitRuns of(String text, int minDigits) {
            int n = text.length();
            DigitRuns runs = new DigitRuns(minDigits, n);
            int i = 0;
            while (true) {
                while (i < n && !isDigit(text.charAt(i))) {
                    i++;
                }
                if (i == n) {
                    return runs;
                }
                int start = i;
                while (start > 0 && isDigitOrSeparator(text.charAt(start - 1))) {
                    start--;
                }
                int runDigits = 0;
                for (char c; i < n && isDigitOrSeparator(c = text.charAt(i)); i++) {
                    runDigits += isDigit(c) ? 1 : 0;
                }
                runs.add(start, i, runDigits);
            }
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isDigitOrSeparator(char c) {
            return c < 128 && IN_DIGIT_RUN[c];
        }

        /** A maximal run of digits and separators, from start to end, holding runDigits digits. */
        void add(int start, int end, int runDigits) {
            digits += runDigits;
            if (runDigits > 0 && runDigits >= minDigits) {
                if (windows.isEmpty()) {
                    windows = new ArrayList<>();
                }
                windows.add(new int[] {Math.max(0, start - 2), Math.min(length, end + 2), runDigits});
            }
        }

        String windowText(String text, int k) {
            if (windowTexts == null) {
                windowTexts = new String[windows.size()];
            }
            if (windowTexts[k] == null) {
                int[] w = windows.get(k);
                windowTexts[k] = text.substring(w[0], w[1]);
            }
            return windowTexts[k];
        }
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
