package org.keizu.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keizu.TestRegistries;
import org.keizu.diagnostic.Check;

/** Ordinary names in several scripts pass; Latin words salted with look-alikes do not. */
class LookalikeCheckTest {

    @ParameterizedTest(name = "{0}: {1} finding(s)")
    @CsvSource({
        "楽天AI 3.0, 0",
        "HyperCLOVA X SEED 32B, 0",
        "네이버 HyperCLOVA, 0",
        "Яндекс GPT, 0",
        "A.X K1 (에이닷), 0",
        "\u0415xample Lab, 1",
        "Gig\u0430Chat, 1",
        "National Mode1, 1",
    })
    void judgesAModelName(String name, int expected, @TempDir Path root) throws IOException {
        Path data = TestRegistries.validFixture(root);
        Path record = data.resolve("models/base-model.yaml");
        Files.writeString(
                record,
                Files.readString(record, StandardCharsets.UTF_8)
                        .replace("name: Base Model", "name: \"" + name + "\""),
                StandardCharsets.UTF_8);
        List<?> findings =
                TestRegistries.validate(root).sorted().stream()
                        .filter(f -> f.check() == Check.VAL_007)
                        .toList();
        assertEquals(expected, findings.size(), findings.toString());
    }
}
