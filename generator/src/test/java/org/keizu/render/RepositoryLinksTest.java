package org.keizu.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The repository's address, checked once, and the links readers act through. */
class RepositoryLinksTest {
    private static final RepositoryLinks REPO = RepositoryLinks.of("https://github.com/o/keizu");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://github.com/o/keizu",
                "https://github.com/o/keizu/",
                "https://github.com/o/keizu.git",
                "https://GitHub.com/o/keizu"
            })
    void acceptsARepositorysAddressInItsUsualSpellings(String url) {
        assertEquals("https://github.com/o/keizu", RepositoryLinks.of(url).home());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://github.com/o/keizu",
                "github.com/o/keizu",
                "https://github.com/o",
                "https://github.com/o/keizu/issues",
                "https://github.com/o/keizu?tab=readme",
                "https://github.com/o/keizu#top",
                "https://user:secret@github.com/o/keizu",
                "https://127.0.0.1/o/keizu",
                "https://github.com:8443/o/keizu",
                "https://localhost/o/keizu",
                "https://github.com/o/..",
                "javascript:alert(1)"
            })
    void refusesAnythingElseSayingWhy(String url) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> RepositoryLinks.of(url));
        assertTrue(e.getMessage().startsWith("--repo-url must be"), e.getMessage());
        assertTrue(e.getMessage().contains(url), e.getMessage());
    }

    @Test
    void noAddressMeansNoRepository() {
        assertEquals(Optional.empty(), RepositoryLinks.optional(""));
        assertEquals(Optional.empty(), RepositoryLinks.optional(null));
    }

    @Test
    void aBlankNewIssueCarriesItsTitleAndBodyEncoded() {
        String href = REPO.newIssue("Correction: Rakuten AI 3.0 & co", "Page: /models/x/\n\n100%?");
        URI uri = URI.create(href);
        assertEquals("/o/keizu/issues/new", uri.getPath());
        assertEquals(
                "title=Correction%3A%20Rakuten%20AI%203.0%20%26%20co"
                        + "&body=Page%3A%20%2Fmodels%2Fx%2F%0A%0A100%25%3F",
                uri.getRawQuery());
        assertEquals(
                "Correction: Rakuten AI 3.0 & co",
                URLDecoder.decode(
                        uri.getRawQuery().split("&")[0].substring("title=".length()),
                        StandardCharsets.UTF_8));
    }

    @Test
    void aCorrectionOpensItsFormWithThePageFilledIn() {
        URI uri =
                URI.create(
                        REPO.correction(
                                "Correction: Rakuten AI 3.0 & co",
                                "https://example.org/keizu/models/rakuten-ai-3.0/?x=1#y"));
        assertEquals("/o/keizu/issues/new", uri.getPath());
        assertEquals(
                "template=correction.yml"
                        + "&title=Correction%3A%20Rakuten%20AI%203.0%20%26%20co"
                        + "&page=https%3A%2F%2Fexample.org%2Fkeizu%2Fmodels%2Frakuten-ai-3.0%2F%3Fx%3D1%23y",
                uri.getRawQuery());
    }

    @Test
    void aMakersReplyOpensItsFormWithTheModelAndPageFilledIn() {
        URI uri =
                URI.create(
                        REPO.makersReply(
                                "Makers' response: 楽天 AI",
                                "楽天 AI",
                                "https://example.org/models/x/"));
        assertEquals(
                "template=makers-reply.yml"
                        + "&title=Makers%27%20response%3A%20%E6%A5%BD%E5%A4%A9%20AI"
                        + "&model=%E6%A5%BD%E5%A4%A9%20AI"
                        + "&page=https%3A%2F%2Fexample.org%2Fmodels%2Fx%2F",
                uri.getRawQuery());
        assertEquals(List.of("model", "page"), RepositoryLinks.IssueForm.MAKERS_REPLY.fields());
    }

    @Test
    void aFieldTheFormDoesNotHaveIsRefused() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                REPO.issueForm(
                                        RepositoryLinks.IssueForm.CORRECTION,
                                        "Correction: x",
                                        Map.of("body", "Page: /models/x/")));
        assertTrue(e.getMessage().contains("correction.yml"), e.getMessage());
    }

    @Test
    void everyValueIsCappedWithoutSplittingACharacter() {
        String name = "楽".repeat(RepositoryLinks.MAX_VALUE - 2) + "𝕂𝕂𝕂";
        String capped = RepositoryLinks.capped(name);
        assertEquals(RepositoryLinks.MAX_VALUE, capped.codePointCount(0, capped.length()));
        assertTrue(capped.endsWith("楽𝕂…"), capped.substring(capped.length() - 4));
        assertEquals("short", RepositoryLinks.capped("short"));
        String exact = "a".repeat(RepositoryLinks.MAX_VALUE);
        assertEquals(exact, RepositoryLinks.capped(exact));

        for (String href :
                List.of(
                        REPO.correction("Correction: " + name, "https://example.org/"),
                        REPO.makersReply("t", name, "https://example.org/"),
                        REPO.newIssue(name, name))) {
            for (String pair : URI.create(href).getRawQuery().split("&")) {
                String value =
                        URLDecoder.decode(
                                pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8);
                assertTrue(
                        value.codePointCount(0, value.length()) <= RepositoryLinks.MAX_VALUE, pair);
            }
        }
    }

    @Test
    void editsAndShowsFilesOnTheMainBranch() {
        assertEquals(
                "https://github.com/o/keizu/edit/main/data/models/rakuten-ai-3.0.yaml",
                REPO.edit("data/models/rakuten-ai-3.0.yaml"));
        assertEquals(
                "https://github.com/o/keizu/blob/main/CONTRIBUTING.md",
                REPO.file("CONTRIBUTING.md"));
    }

    @Test
    void proseLinksIntoTheRepositoryAreCompletedOrDropped() {
        String markdown =
                "Read the [guide](repository:CONTRIBUTING.md), the [code](repository:) or"
                        + " [open an issue](repository:issues/new); [elsewhere](../about/).";
        assertEquals(
                "Read the [guide](https://github.com/o/keizu/blob/main/CONTRIBUTING.md), the"
                        + " [code](https://github.com/o/keizu) or [open an"
                        + " issue](https://github.com/o/keizu/issues/new); [elsewhere](../about/).",
                RepositoryLinks.expandProse(markdown, Optional.of(REPO)));
        assertEquals(
                "Read the guide, the code or open an issue; [elsewhere](../about/).",
                RepositoryLinks.expandProse(markdown, Optional.empty()));
    }
}
