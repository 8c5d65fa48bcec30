package org.keizu.repo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What an issue form lets an address fill: the ids of its text fields ({@code input} and {@code
 * textarea}), which GitHub takes as query parameters. Read from the form's YAML, so the tests hold
 * the site's links to the forms as they are.
 */
public final class IssueFormFields {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private IssueFormFields() {}

    /** The text fields' ids of the form {@code file}, or empty when there is no such file. */
    public static Optional<Set<String>> textFields(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode element : YAML.readTree(file.toFile()).path("body")) {
            String type = element.path("type").asText();
            if ((type.equals("input") || type.equals("textarea")) && element.hasNonNull("id")) {
                ids.add(element.get("id").asText());
            }
        }
        return Optional.of(ids);
    }
}
