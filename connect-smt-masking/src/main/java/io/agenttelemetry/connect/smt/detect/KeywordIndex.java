package io.agenttelemetry.connect.smt.detect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Queue;

/**
 * Aho-Corasick automaton over every detector's keywords: one pass over a lowercased string tells which detectors'
 * keywords occur in it, instead of one substring search per keyword. Keywords are ASCII (as gitleaks' are); any
 * other character resets to the root.
 */
final class KeywordIndex {
    private static final int ALPHABET = 128;

    private final List<int[]> next = new ArrayList<>();
    private final List<BitSet> output = new ArrayList<>();
    private int[] fail;
    /**
     * Edges in one array, one row per node over the characters keywords use (all other characters lead to the
     * root, so they share class 0; upper case shares its lower-case class): the matching loop stays in cache. An
     * edge holds where its target's row starts, negated (~) if the target has output, so the loop neither
     * multiplies nor looks up outputs at every character.
     */
    private final int[] transitions;
    private final int[] classOf = new int[ALPHABET];
    private final int width;
    private final long[][] outputs;
    private final int words;
    /** The longest keyword's length: how far a keyword that starts in one half of a text can reach into the other. */
    private final int longest;

    /** @param keywords per detector index, its lowercase keywords (empty: the detector has no keyword gate) */
    KeywordIndex(List<String[]> keywords) {
        newNode();
        longest = keywords.stream().flatMap(java.util.Arrays::stream).mapToInt(String::length).max().orElse(0);
        for (int d = 0; d < keywords.size(); d++) {
            for (String k : keywords.get(d)) {
                add(k, d);
            }
        }
        build();
        int classes = 1;
        int[] used = new int[ALPHABET];
        for (String[] ks : keywords) {
            for (String k : ks) {
                for (int i = 0; i < k.length(); i++) {
                    char c = k.charAt(i);
                    if (c < ALPHABET && used[c] == 0) {
                        used[c] = classes++;
                    }
                }
            }
        }
        for (int c = 0; c < ALPHABET; c++) {
            classOf[c] = c >= 'A' && c <= 'Z' ? used[c + ('a' - 'A')] : used[c];
        }
        width = classes;
        transitions = new int[next.size() * width];
        outputs = new long[next.size()][];
        words = (keywords.size() + 63) / 64;
        for (int node = 0; node < next.size(); node++) {
            outputs[node] = output.get(node).isEmpty() ? null : java.util.Arrays.copyOf(output.get(node).toLongArray(), words);
        }
        for (int node = 0; node < next.size(); node++) {
            int[] edges = next.get(node);
            for (int c = 0; c < ALPHABET; c++) {
                if (used[c] != 0) {
                    int target = edges[c];
                    transitions[node * width + used[c]] = outputs[target] == null ? target * width : ~(target * width);
                }
            }
        }
    }

    private int newNode() {
        int[] edges = new int[ALPHABET];
        java.util.Arrays.fill(edges, -1);
        next.add(edges);
        output.add(new BitSet());
        return next.size() - 1;
    }

    private void add(String keyword, int detector) {
        int node = 0;
        for (int i = 0; i < keyword.length(); i++) {
            char c = keyword.charAt(i);
            if (c >= ALPHABET) {
                return; // non-ASCII keyword: cannot be indexed; its detector then always runs (see Detectors)
            }
            if (next.get(node)[c] < 0) {
                int child = newNode();
                next.get(node)[c] = child;
            }
            node = next.get(node)[c];
        }
        output.get(node).set(detector);
    }

    /** Breadth-first failure links; missing edges point where the failure chain leads, so matching never backtracks. */
    private void build() {
        fail = new int[next.size()];
        Queue<Integer> queue = new ArrayDeque<>();
        int[] root = next.get(0);
        for (int c = 0; c < ALPHABET; c++) {
            if (root[c] < 0) {
                root[c] = 0;
            } else {
                fail[root[c]] = 0;
                queue.add(root[c]);
            }
        }
        while (!queue.isEmpty()) {
            int node = queue.poll();
            output.get(node).or(output.get(fail[node]));
            int[] edges = next.get(node);
            for (int c = 0; c < ALPHABET; c++) {
                int child = edges[c];
                if (child < 0) {
                    edges[c] = next.get(fail[node])[c];
                } else {
                    fail[child] = next.get(fail[node])[c];
                    queue.add(child);
                }
            }
        }
    }

    /**
     * Adds to found (the words of a bit set: bit i of word i / 64 for detector i) the detectors whose keywords occur
     * in the text, compared case-insensitively. A longer text is read as two halves side by side, each by its own
     * automaton: every step waits for the one before it to load its edge, so one automaton leaves the core idle
     * most of the time and two run in about the time of one. The first half reads on into the second by the
     * longest keyword's length less one, so a keyword that starts in it is seen whole; the second half starts
     * afresh and sees every keyword that starts in it. A keyword seen by both is the same bit.
     */
    void find(String text, long[] found) {
        int n = text.length();
        int half = n / 2;
        int a = 0;
        int b = 0;
        int i = 0;
        if (half >= longest) {
            for (int j = half; i < half; i++, j++) {
                a = step(a, text.charAt(i), found);
                b = step(b, text.charAt(j), found);
            }
            for (int end = half + longest - 1; i < end; i++) {
                a = step(a, text.charAt(i), found);
            }
            i = half + half;
        }
        for (; i < n; i++) {
            b = step(b, text.charAt(i), found);
        }
    }

    /**
     * One character of a text read through the automaton from the given state: returns the next state, and adds to
     * found (the words of a bit set: bit i of word i / 64 for detector i) the detectors of each keyword that ends
     * here, compared case-insensitively (keywords are lowercase ASCII). A text starts at state 0.
     */
    private int step(int row, char c, long[] found) {
        int edge = c < ALPHABET ? transitions[row + classOf[c]] : 0;
        if (edge >= 0) {
            return edge;
        }
        int next = ~edge;
        long[] o = outputs[next / width];
        for (int k = 0; k < o.length; k++) {
            found[k] |= o[k];
        }
        return next;
    }
}
