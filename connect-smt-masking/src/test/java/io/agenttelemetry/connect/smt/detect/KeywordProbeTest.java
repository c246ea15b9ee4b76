package io.agenttelemetry.connect.smt.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** A rule tried only where a keyword starts finds keywords by their least common character. */
class KeywordProbeTest {
    @Test
    void theProbeIsARareLetterThenPunctuationThenADigit() {
        assertEquals(1, RegexDetector.leastCommonCharAt("s."), "'.' rather than the 's' of most words");
        assertEquals(1, RegexDetector.leastCommonCharAt("hvs."), "'v'");
        assertEquals(0, RegexDetector.leastCommonCharAt("ghp_"), "'g', the first of the rare letters");
        assertEquals(2, RegexDetector.leastCommonCharAt("ta_"), "'_' when every letter is common");
        assertEquals(0, RegexDetector.leastCommonCharAt("12"));
    }

    @Test
    void keywordsAreFoundWhereverTheyStandWhateverTheirCase() {
        // Keyword "s." (probe '.', one character in): at the very start, at the very end, back to back, in capitals.
        RegexDetector d = new RegexDetector("T", Detector.Family.SECRET, Pattern.compile("(?i)s\\.[a-z0-9]{4}"),
                new String[] {"s."}, 0, 0, Allowlist.NONE);
        assertEquals(List.of("s.ab12"), found(d, "s.ab12"));
        assertEquals(List.of("s.ab12", "S.CD34"), found(d, "results. s.ab12S.CD34"));
        assertEquals(List.of("s.zz99"), found(d, "words and sentences... s.zz99"));
        assertEquals(List.of(), found(d, "s. s.ab"));
    }

    private static List<String> found(RegexDetector d, String text) {
        List<Finding> out = new ArrayList<>();
        d.find(text, out);
        return out.stream().map(f -> text.substring(f.start(), f.end())).collect(Collectors.toList());
    }
}
