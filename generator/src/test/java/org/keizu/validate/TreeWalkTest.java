package org.keizu.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keizu.load.RecordMapper;

class TreeWalkTest {
    @Test
    void everyTextIsVisitedWithItsPointerFieldAndTopLevelField() throws Exception {
        var tree =
                RecordMapper.plainJson()
                        .readTree(
                                """
                                {"id": "m", "sources": [{"id": "s1", "url": "https://a"}],
                                 "claims": [{"source": "s1", "a/b~c": ["x", 3, "y"]}],
                                 "equals": {"skipped": "z"}}
                                """);
        List<String> seen = new ArrayList<>();
        TreeWalk.texts(
                tree,
                (location, field, text) ->
                        seen.add(
                                location.pointer()
                                        + " "
                                        + field
                                        + " "
                                        + text
                                        + (location.within("sources") ? " in-sources" : "")));
        assertEquals(
                List.of(
                        "/id id m",
                        "/sources/0/id id s1 in-sources",
                        "/sources/0/url url https://a in-sources",
                        "/claims/0/source source s1",
                        "/claims/0/a~1b~0c/0 a/b~c x",
                        "/claims/0/a~1b~0c/2 a/b~c y"),
                seen);
    }
}
