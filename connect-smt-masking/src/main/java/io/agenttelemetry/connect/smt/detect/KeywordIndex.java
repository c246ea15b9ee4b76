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
    /** All edges in one array, 128 per node, and null for nodes without output: the matching loop touches little memory. */
    private final int[] transitions;
    private final BitSet[] outputs;

    /** @param keywords per detector index, its lowercase keywords (empty: the detector has no keyword gate) */
    KeywordIndex(List<String[]> keywords) {
        newNode();
        for (int d = 0; d < keywords.size(); d++) {
            for (String k : keywords.get(d)) {
                add(k, d);
            }
        }
        build();
        transitions = new int[next.size() * ALPHABET];
        outputs = new BitSet[next.size()];
        for (int node = 0; node < next.size(); node++) {
            System.arraycopy(next.get(node), 0, transitions, node * ALPHABET, ALPHABET);
            outputs[node] = output.get(node).isEmpty() ? null : output.get(node);
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

    /** Detectors with at least one keyword in the text, compared case-insensitively (keywords are lowercase ASCII). */
    BitSet match(String text) {
        BitSet found = new BitSet();
        int[] t = transitions;
        BitSet[] out = outputs;
        int node = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            int c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            node = c < ALPHABET ? t[(node << 7) | c] : 0;
            if (out[node] != null) {
                found.or(out[node]);
            }
        }
        return found;
    }
}
