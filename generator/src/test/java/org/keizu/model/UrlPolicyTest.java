package org.keizu.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one URL rule for everything the site links to. */
class UrlPolicyTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://huggingface.co/Rakuten/RakutenAI-3.0",
                "https://huggingface.co/taide/TAIDE-LX-7B/blob/0123456789abcdef0123456789abcdef01234567/README.md",
                "https://news.sbs.co.kr/news/endPage.do?news_id=N1008391487",
                "https://www.xn--wgv71a119e.jp/",
                "https://arxiv.org/abs/2601.09200",
            })
    void publishesPlainHttpsAddressesOfRegisteredHosts(String url) {
        assertEquals(Optional.empty(), UrlPolicy.problem(url));
        assertTrue(UrlPolicy.allows(url));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "JavaScript:alert(document.domain)",
                "data:text/html,<script>alert(1)</script>",
                "file:///etc/passwd",
                "http://huggingface.co/x",
                "https:///no-host",
                "https://user:secret@huggingface.co/x",
                "https://127.0.0.1/",
                "https://2130706433/",
                "https://0x7f000001/",
                "https://0x7f.0.0.1/",
                "https://017700000001/",
                "https://127.1/",
                "https://[::1]/",
                "https://169.254.169.254/latest/meta-data/",
                "https://localhost/",
                "https://localhost./",
                "https://huggingface.co./x",
                "https://metadata.google.internal/computeMetadata/v1/",
                "https://printer.local/",
                "https://intranet/",
                "https://a..b.com/",
                "https://exa mple.com/",
            })
    void refusesEverythingElse(String url) {
        assertTrue(UrlPolicy.problem(url).isPresent(), url);
        assertFalse(UrlPolicy.allows(url));
    }

    @org.junit.jupiter.api.Test
    void aMissingAddressIsNeverALink() {
        assertFalse(UrlPolicy.allows(null));
    }
}
