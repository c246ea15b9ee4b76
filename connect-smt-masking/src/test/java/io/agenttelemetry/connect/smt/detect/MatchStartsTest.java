package io.agenttelemetry.connect.smt.detect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MatchStartsTest {
    private static boolean anchored(String regex, String... keywords) {
        return MatchStarts.beginWithKeyword(regex, keywords);
    }

    @Test
    void regexesThatBeginWithTheirKeywords() {
        // gitleaks' generic-api-key without its lazy prefix
        assertTrue(anchored("(?i)(?:access|auth|(?-i:[Aa]pi|API)|credential|creds|key|passw(?:or)?d|secret|token)(?:[ \\t\\w.-]{0,20})[\\s'\"]{0,3}"
                + "(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60'\"\\s=]{0,5}([\\w.=-]{10,150}|[a-z0-9][a-z0-9+/]{11,}={0,3})(?:[\\x60'\"\\s;]|\\\\[nr]|$)",
                "access", "api", "auth", "key", "credential", "creds", "passwd", "password", "secret", "token"));
        assertTrue(anchored("\\b((?:hvs\\.[\\w-]{90,120}|s\\.(?i:[a-z0-9]{24})))(?:[\\x60'\"\\s;]|\\\\[nr]|$)", "hvs.", "s."));
        assertTrue(anchored("(?<![\\w])ops_eyJ[a-zA-Z0-9+/]{250,}={0,3}", "ops_"));
        assertTrue(anchored("^(?<token>xox[pe](?:-[0-9]{10,13}){3})", "xox"), "a named group; what follows the keyword does not matter");
    }

    @Test
    void regexesThatMayBeginOtherwise() {
        assertFalse(anchored("\\b(?:proxy-)?authorization\\s*:", "authorization"), "may begin with proxy-");
        assertFalse(anchored("(?i)(?:key|token)=\\w+", "key"), "token is not a keyword");
        assertFalse(anchored("[a-z]+key=\\w+", "key"), "begins with a class");
        assertFalse(anchored("(?:ab)?key", "key"), "optional group before the keyword");
        assertFalse(anchored("key|", "key"), "an empty alternative");
        assertFalse(anchored("(?x) key", "key"), "comments mode");
        assertFalse(anchored("ke?y", "key"), "the keyword's letter is optional");
        assertFalse(anchored("key", new String[0]), "no keywords");
        assertFalse(anchored("xox[pe]-", "xoxp-", "xoxe-"), "a class of two letters ends what is known");
    }
}
