package io.agenttelemetry.connect.smt.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The automaton, reading a long text as two halves, finds what a substring search for each keyword finds. */
class KeywordIndexTest {
    private static final String[][] KEYWORDS = {
        {"s."}, {"hvs.", "token"}, {"a"}, {"abcdefghij_klmnopqrst"}, {"xy", "yx"}, {"@"}, {"sk-ant-api03"}, {},
    };

    @Test
    void findsExactlyTheDetectorsWhoseKeywordsOccurWhereverTheyStand() {
        KeywordIndex index = new KeywordIndex(List.of(KEYWORDS));
        Random random = new Random(7);
        String alphabet = "abcdxyhvs.tokenS@-_ ";
        for (int round = 0; round < 20_000; round++) {
            int length = random.nextInt(160);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            // A long keyword planted where a text is cut in two, at its start or its end, in either case.
            String planted = KEYWORDS[random.nextInt(KEYWORDS.length - 1)][0];
            planted = random.nextBoolean() ? planted.toUpperCase(Locale.ROOT) : planted;
            int at = random.nextInt(4) == 0 ? Math.max(0, length / 2 - random.nextInt(planted.length() + 1)) : random.nextInt(length + 1);
            text.insert(at, planted);
            if (random.nextInt(10) == 0) {
                text.append('é'); // not ASCII: resets the automaton
            }
            assertArrayEquals(expected(text.toString()), found(index, text.toString()), text::toString);
        }
    }

    @Test
    void aKeywordAcrossTheMiddleOfALongTextIsFound() {
        KeywordIndex index = new KeywordIndex(List.of(KEYWORDS));
        for (int length = 42; length < 120; length++) {
            for (int at = Math.max(0, length / 2 - 21); at <= length / 2; at++) {
                String text = "q".repeat(at) + "abcdefghij_klmnopqrst" + "q".repeat(length - at);
                assertArrayEquals(expected(text), found(index, text), text);
            }
        }
    }

    private static long[] found(KeywordIndex index, String text) {
        long[] bits = new long[1];
        index.find(text, bits);
        return bits;
    }

    private static long[] expected(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        long[] bits = new long[1];
        for (int d = 0; d < KEYWORDS.length; d++) {
            for (String k : KEYWORDS[d]) {
                if (lower.contains(k)) {
                    bits[0] |= 1L << d;
                }
            }
        }
        return bits;
    }
}
