package org.keizu.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.io.DaemonThreads;

/**
 * Turns a schema-checked tree into its record with the one configured mapper. The schema has
 * already reported every problem a contributor can make, so a failure here is still reported as a
 * finding rather than thrown: the schema and the records have drifted apart.
 */
public final class RecordBinder {
    private final RecordMapper mappers;

    public RecordBinder(RecordMapper mappers) {
        this.mappers = mappers;
    }

    /**
     * Builds the readers of {@code types} on a thread of their own, so that the first {@link #bind}
     * of each finds its reader made (a reader is made once for a mapper, and any thread that needs
     * it meanwhile waits for it). Nothing is bound; a failure here is the first bind's to report.
     */
    public void prepare(List<Class<?>> types) {
        DaemonThreads.begin(
                "keizu-record-readers",
                () -> {
                    types.forEach(type -> mappers.mapper().readerFor(type));
                    return null;
                });
    }

    public <T> Optional<Loaded<T>> bind(ParsedRecord parsed, Class<T> type, Consumer<Finding> out) {
        try {
            T record = mappers.mapper().treeToValue(parsed.tree(), type);
            return Optional.of(new Loaded<>(record, parsed));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            out.accept(
                    Finding.error(
                            parsed.displayPath(),
                            org.keizu.diagnostic.Position.WHOLE_FILE,
                            Check.SCHEMA_006,
                            "the record passed the schema but cannot be read as a "
                                    + type.getSimpleName()
                                    + ": "
                                    + YamlHazardScan.oneLine(e.getMessage())));
            return Optional.empty();
        }
    }
}
