package org.keizu.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Request paths: decoded once, and refused whenever they could leave the output folder. */
class RequestPathTest {
    @Test
    void decodesOrdinaryPaths() {
        assertEquals(Optional.of(new RequestPath(List.of(), true)), RequestPath.parse("/"));
        assertEquals(
                Optional.of(new RequestPath(List.of("models", "rakuten-ai-3.0"), true)),
                RequestPath.parse("/models/rakuten-ai-3.0/"));
        assertEquals(
                "data/registry.json", RequestPath.parse("/data/registry.json").get().relative());
        assertEquals("楽天", RequestPath.parse("/%E6%A5%BD%E5%A4%A9").get().relative());
    }

    @Test
    void refusesWhatCouldLeaveTheFolderOrMeanSomethingElse() {
        for (String path :
                List.of(
                        "/../x",
                        "/a/../../x",
                        "/./x",
                        "/%2e%2e/x",
                        "/%2E%2e/x",
                        "/a%2f..%2f..%2fx",
                        "/..%5cx",
                        "/a\\b",
                        "/x%00.html",
                        "/x%0a",
                        "/%c0%ae%c0%ae/x", // an overlong '.', which strict UTF-8 refuses
                        "/%zz",
                        "/%2",
                        "relative",
                        "/é")) {
            assertTrue(RequestPath.parse(path).isEmpty(), path);
        }
    }
}
