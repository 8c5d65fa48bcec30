package org.keizu.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.TestRegistries;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;

class ReferenceCheckTest {
    @Test
    void aBaseThatFailedToLoadIsReportedOnceNotAtEveryReference(@TempDir Path root)
            throws Exception {
        Path data = TestRegistries.validFixture(root);
        Path base = data.resolve("models/base-model.yaml");
        Files.writeString(
                base,
                Files.readString(base)
                        .replace("claims: []", "claims: []\nhomepage: https://example.org"));

        List<Finding> findings = TestRegistries.validate(root).sorted();

        assertEquals(
                List.of(Check.SCHEMA_001),
                findings.stream().map(Finding::check).toList(),
                findings::toString);
        assertEquals("data/models/base-model.yaml", findings.get(0).file());
    }
}
