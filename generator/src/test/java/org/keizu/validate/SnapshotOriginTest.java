package org.keizu.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keizu.TestRegistries;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;

/**
 * A snapshot folder edited in a pull request cannot publish a hostile link: the origin address in
 * snapshot.json meets the same URL policy as every source, and validation names the file and line.
 */
class SnapshotOriginTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(document.cookie)",
                "file:///etc/passwd",
                "https://169.254.169.254/latest/meta-data/",
                "https://2130706433/",
                "https://metadata.google.internal/"
            })
    void aHostileOriginAddressIsAFindingAtItsLine(String hostile, @TempDir Path root)
            throws IOException {
        Path data = TestRegistries.validFixture(root);
        Path description =
                data.resolve(
                        "snapshots/fixture-org/Same-Shape/unpinned-583f7531e2a0/snapshot.json");
        String json = Files.readString(description, StandardCharsets.UTF_8);
        Files.writeString(
                description,
                json.replace(
                        "\"kind\": \"unattributed\",",
                        "\"kind\": \"unattributed\",\n    \"url\": \"" + hostile + "\","),
                StandardCharsets.UTF_8);

        List<Finding> findings = TestRegistries.validate(root).sorted();

        assertEquals(1, findings.size(), findings.toString());
        Finding finding = findings.get(0);
        assertEquals(Check.VAL_005, finding.check());
        assertTrue(finding.file().endsWith("snapshot.json"), finding.file());
        assertEquals(7, finding.line(), "the line of \"url\" in snapshot.json");
        assertFalse(finding.message().isBlank());
    }
}
