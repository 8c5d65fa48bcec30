package org.keizu.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchTokensTest {
    @Test
    void latinWordsAreLowerCasedAndCutAtEverythingButLettersAndDigits() {
        assertEquals(
                List.of("rakuten", "ai", "3", "0", "deepseekv3forcausallm", "qwen2", "5", "7b"),
                SearchTokens.of("Rakuten AI 3.0 — DeepseekV3ForCausalLM (Qwen2.5-7B)"));
    }

    @Test
    void fullWidthAndCompatibilityFormsAreFolded() {
        assertEquals(List.of("ai", "2"), SearchTokens.of("ＡＩ　²"));
        assertEquals(SearchTokens.of("カタカナ"), SearchTokens.of("ｶﾀｶﾅ"));
    }

    @Test
    void cjkRunsGiveEachCharacterAndEachNeighbouringPair() {
        assertEquals(List.of("楽", "天", "楽天"), SearchTokens.of("楽天"));
        assertEquals(List.of("네", "이", "네이", "버", "이버", "naver"), SearchTokens.of("네이버 NAVER"));
        // The prolonged sound mark belongs to the kana around it, not to a word of its own.
        List<String> words = SearchTokens.of("データ");
        assertTrue(words.containsAll(List.of("デー", "ータ")), words.toString());
    }

    @Test
    void aCjkRunAndALatinRunSideBySideAreSeparateWords() {
        assertEquals(List.of("楽", "天", "楽天", "ai"), SearchTokens.of("楽天AI"));
    }

    @Test
    void marksStayWithTheirLetters() {
        // Devanagari vowel signs are marks: the word is not cut inside.
        assertEquals(List.of("भारतजेन"), SearchTokens.of("भारतजेन"));
    }

    @Test
    void overlongRunsAreCut() {
        String run = "a".repeat(100);
        assertEquals(List.of("a".repeat(SearchTokens.LONGEST)), SearchTokens.of(run));
    }

    @Test
    void aWordsKeyIsItsFirstThreeCharactersOrItsFirstCjkCharacter() {
        assertEquals("dee", SearchTokens.key("deepseek"));
        assertEquals("r1", SearchTokens.key("r1"));
        assertEquals("楽", SearchTokens.key("楽天"));
        assertEquals(
                "\ud835\udc00bc",
                SearchTokens.key("\ud835\udc00bcd"),
                "a character beyond the BMP counts as one");
    }

    /** The same FNV-1a as the script's Math.imul loop, checked against values worked by hand. */
    @Test
    void bucketsSpreadKeysAndStayInRange() {
        // FNV-1a of "a" is 0xe40c292c; of "" the offset basis 0x811c9dc5.
        assertEquals(0xe40c292c & 1023, SearchTokens.bucket("a", 1024));
        assertEquals(0x811c9dc5 & 7, SearchTokens.bucket("", 8));
        Set<Integer> used = new HashSet<>();
        for (char a = 'a'; a <= 'z'; a++) {
            for (char b = 'a'; b <= 'z'; b++) {
                int bucket = SearchTokens.bucket("" + a + b, 64);
                assertTrue(bucket >= 0 && bucket < 64);
                used.add(bucket);
            }
        }
        assertEquals(64, used.size(), "676 keys reach every one of 64 files");
    }
}
