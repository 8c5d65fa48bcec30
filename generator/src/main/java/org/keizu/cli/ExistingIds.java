package org.keizu.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.keizu.load.ParsedRecord;
import org.keizu.load.RecordFiles;
import org.keizu.load.RecordKind;
import org.keizu.load.RecordMapper;
import org.keizu.load.RecordParser;
import org.keizu.validate.IdSuggestion;

/**
 * The ids one kind of record already uses: each file's name and the id inside it, and for models
 * each former id, ignoring case. Read from the files themselves, so that a record that does not
 * validate yet (a half-filled skeleton) still holds its id.
 */
final class ExistingIds {
    private final RecordKind kind;
    private final Path folder;

    /** Lower-cased id to where it is used, e.g. "data/models/x.yaml". */
    private final Map<String, String> owners = new HashMap<>();

    /** Lower-cased id to the id as written, for records' own ids (not former ids). */
    private final Map<String, String> ids = new HashMap<>();

    private ExistingIds(RecordKind kind, Path folder) {
        this.kind = kind;
        this.folder = folder;
    }

    static ExistingIds read(Path data, RecordKind kind) {
        ExistingIds existing = new ExistingIds(kind, data.resolve(kind.folder()));
        RecordParser parser = new RecordParser(new RecordMapper());
        Path here = Path.of("");
        for (Path file : RecordFiles.list(data, kind, here, finding -> {})) {
            String shown = RecordFiles.display(file, here);
            String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            existing.add(stem, shown);
            Optional<ParsedRecord> parsed;
            try {
                parsed =
                        parser.parse(
                                        kind,
                                        file,
                                        shown,
                                        RecordFiles.readCapped(file, RecordMapper.MAX_FILE_BYTES))
                                .record();
            } catch (IOException e) {
                continue; // its file name still counts
            }
            if (parsed.isEmpty()) {
                continue;
            }
            String id = parsed.get().idOrNull();
            if (id != null) {
                existing.add(id, shown);
            }
            for (var former : parsed.get().tree().path("former_ids")) {
                if (former.isTextual()) {
                    existing.owners.putIfAbsent(
                            former.asText().toLowerCase(Locale.ROOT),
                            "is a former id of " + shown + ", and its address leads there");
                }
            }
        }
        return existing;
    }

    private void add(String id, String shown) {
        String key = id.toLowerCase(Locale.ROOT);
        owners.put(key, "exists already: " + shown);
        ids.putIfAbsent(key, id);
    }

    /** How {@code id} is used already, ignoring case ("exists already: ..."), or null. */
    String owner(String id) {
        return owners.get(id.toLowerCase(Locale.ROOT));
    }

    /** {@code id} when a record of this kind has it exactly; else a refusal naming the closest. */
    String named(String id) throws NewCommand.Refusal {
        if (ids.containsValue(id)) {
            return id;
        }
        throw new NewCommand.Refusal(
                "no "
                        + NewCommand.noun(kind)
                        + " \""
                        + id
                        + "\" in "
                        + RecordFiles.display(folder, Path.of(""))
                        + hint(id)
                        + "; keizu new "
                        + NewCommand.noun(kind)
                        + " "
                        + id
                        + " adds one");
    }

    /**
     * {@code (did you mean "x"?)} with the record an id most likely means, as {@code validate}
     * suggests it, or nothing when none is close.
     */
    String hint(String wanted) {
        List<IdSuggestion.Known> known =
                ids.values().stream()
                        .sorted()
                        .map(id -> new IdSuggestion.Known(id, List.of()))
                        .toList();
        return IdSuggestion.phrase(IdSuggestion.closest(wanted, known))
                .map(phrase -> " (" + phrase + ")")
                .orElse("");
    }
}
