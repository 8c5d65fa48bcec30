package org.keizu.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdSuggestionTest {
    private static final List<IdSuggestion.Known> MODELS =
            List.of(
                    new IdSuggestion.Known(
                            "llama-3.1-8b", List.of("meta-llama/Llama-3.1-8B", "Llama 3.1 8B")),
                    new IdSuggestion.Known(
                            "llama-3.1-70b", List.of("meta-llama/Llama-3.1-70B", "Llama 3.1 70B")),
                    new IdSuggestion.Known("qwen2.5-7b", List.of("Qwen/Qwen2.5-7B")),
                    new IdSuggestion.Known("qwen2-7b", List.of("Qwen/Qwen2-7B")),
                    new IdSuggestion.Known("mistral-7b", List.of()),
                    new IdSuggestion.Known("misty-7b", List.of()));

    @Test
    void matchesAnIdWrittenInAnotherCase() {
        assertEquals(List.of("llama-3.1-8b"), IdSuggestion.closest("Llama-3.1-8B", MODELS));
    }

    @Test
    void matchesAHubRepositoryWholeOrByItsName() {
        assertEquals(
                List.of("llama-3.1-70b"), IdSuggestion.closest("meta-llama/Llama-3.1-70B", MODELS));
        assertEquals(List.of("qwen2.5-7b"), IdSuggestion.closest("Qwen2.5-7B", MODELS));
    }

    @Test
    void matchesAModelsNameWrittenWithSpaces() {
        assertEquals(List.of("llama-3.1-8b"), IdSuggestion.closest("Llama 3.1 8B", MODELS));
    }

    @Test
    void matchesATypoWithinTwoEditsAndOffersBothOfATie() {
        assertEquals(List.of("qwen2.5-7b"), IdSuggestion.closest("qwen2.5-7d", MODELS));
        assertEquals(List.of("qwen2-7b"), IdSuggestion.closest("qwne2-7b", MODELS), "a swap");
        assertEquals(List.of("misty-7b"), IdSuggestion.closest("mistl-7b", MODELS), "the nearer");
        List<IdSuggestion.Known> siblings =
                List.of(
                        new IdSuggestion.Known("ax-4.0", List.of()),
                        new IdSuggestion.Known("ax-3.1", List.of()));
        assertEquals(List.of("ax-3.1", "ax-4.0"), IdSuggestion.closest("ax-3.0", siblings));
    }

    @Test
    void suggestsNothingForAnIdFarFromEveryRecord() {
        assertEquals(List.of(), IdSuggestion.closest("deepseek-v3", MODELS));
        assertEquals(
                List.of(),
                IdSuggestion.closest("ab", List.of(new IdSuggestion.Known("xy", List.of()))));
    }

    @Test
    void distanceCountsEditsAndStopsPastTheLimit() {
        assertEquals(0, IdSuggestion.distance("abc", "abc", 2));
        assertEquals(1, IdSuggestion.distance("abc", "acb", 2));
        assertEquals(2, IdSuggestion.distance("abcd", "xbcy", 2));
        assertEquals(3, IdSuggestion.distance("abcdef", "uvwxyz", 2));
        assertEquals(3, IdSuggestion.distance("a", "abcdef", 2));
    }

    @Test
    void phrasesOneOrTwoSuggestions() {
        assertEquals("did you mean \"a\"?", IdSuggestion.phrase(List.of("a")).orElseThrow());
        assertEquals(
                "did you mean \"a\" or \"b\"?",
                IdSuggestion.phrase(List.of("a", "b")).orElseThrow());
        assertEquals(java.util.Optional.empty(), IdSuggestion.phrase(List.of()));
    }
}
