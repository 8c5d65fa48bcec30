package org.keizu.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.keizu.diagnostic.Position;

/**
 * A record file read into a tree, with the position of every value, before schema checks and
 * binding.
 *
 * @param content the tree, which the registry may release after the checks ({@link RecordTree})
 * @param file the file on disk
 * @param displayPath the path printed in findings, relative to the working folder ({@code
 *     data/models/x.yaml})
 */
public record ParsedRecord(
        RecordKind kind,
        Path file,
        String displayPath,
        RecordTree content,
        PositionIndex positions) {

    public ParsedRecord(
            RecordKind kind,
            Path file,
            String displayPath,
            JsonNode tree,
            PositionIndex positions) {
        this(kind, file, displayPath, new RecordTree(tree), positions);
    }

    /** The record as parsed (read again from its file if the registry released it). */
    public JsonNode tree() {
        return content.get();
    }

    /** The file name without its extension: what the record's id must equal. */
    public String fileStem() {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** The position of the value at a JSON pointer such as {@code /lineage/0/base}. */
    public Position at(String pointer) {
        return positions.value(pointer);
    }

    public String idOrNull() {
        JsonNode id = tree().get("id");
        return id != null && id.isTextual() ? id.asText() : null;
    }
}
