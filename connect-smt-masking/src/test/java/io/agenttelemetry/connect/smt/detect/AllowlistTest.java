package io.agenttelemetry.connect.smt.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Stopwords allow a secret that contains one, ignoring case, as gitleaks' lowercased substring search does. */
class AllowlistTest {
    @Test
    void aStopwordAnywhereInTheSecretInAnyCaseAllowsIt() {
        Allowlist a = new Allowlist(List.of(), List.of(), List.of("about", "act-", "000000"));
        assertTrue(a.allows("xxABOUTyy", "", ""));
        assertTrue(a.allows("ACT-9f8e7d6c", "", ""));
        assertTrue(a.allows("ab000000cd", "", ""));
        assertFalse(a.allows("abou_t-act_00000", "", ""));
        assertFalse(Allowlist.NONE.allows("about", "", ""));
    }

    @Test
    void aSecretThatIsNotAsciiIsLowercasedFirst() {
        Allowlist a = new Allowlist(List.of(), List.of(), List.of("key"));
        assertTrue(a.allows("\u212Aey-1234", "", ""), "the Kelvin sign lowercases to 'k'");
        assertTrue(a.allows("clé-KEY", "", ""));
        assertFalse(a.allows("clé-kex", "", ""));
    }

    @Test
    void findsWhatASearchForEachStopwordFinds() {
        Random random = new Random(11);
        String alphabet = "abcAB-_0";
        for (int round = 0; round < 300; round++) {
            List<String> stopwords = new ArrayList<>();
            for (int w = random.nextInt(40) + 1; w > 0; w--) {
                stopwords.add(randomText(random, alphabet, random.nextInt(5) + 1).toLowerCase(Locale.ROOT));
            }
            Allowlist a = new Allowlist(List.of(), List.of(), stopwords);
            for (int s = 0; s < 50; s++) {
                String secret = randomText(random, alphabet, random.nextInt(90));
                String lower = secret.toLowerCase(Locale.ROOT);
                assertEquals(stopwords.stream().anyMatch(lower::contains), a.allows(secret, "", ""), secret + " " + stopwords);
            }
        }
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
