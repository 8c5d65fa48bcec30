package org.keizu;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.diagnostic.Findings;
import org.keizu.diagnostic.Position;
import org.keizu.load.Loaded;
import org.keizu.load.LoadedSnapshot;
import org.keizu.load.ParsedRecord;
import org.keizu.load.RecordBinder;
import org.keizu.load.RecordFiles;
import org.keizu.load.RecordKind;
import org.keizu.load.RecordMapper;
import org.keizu.load.RecordParser;
import org.keizu.load.SnapshotStore;
import org.keizu.model.Model;
import org.keizu.model.Organisation;
import org.keizu.model.Programme;
import org.keizu.registry.Registry;
import org.keizu.validate.SchemaValidator;

/**
 * Phase 1, load: lists and reads the records under {@code data/}, parses each strictly, checks it
 * against its schema and binds it to a typed record, then reads the config snapshots. Every file
 * that fails to load is reported, never skipped; its id is kept so that later checks do not report
 * references to it a second time.
 *
 * <pre>
 *   Findings findings = new Findings();
 *   Registry registry = new RegistryLoad(dataDir, workingDir).run(findings);
 * </pre>
 */
public final class RegistryLoad {
    private final Path dataDir;
    private final Path workingDir;

    public RegistryLoad(Path dataDir, Path workingDir) {
        this.dataDir = dataDir;
        this.workingDir = workingDir;
    }

    public Registry run(Findings findings) {
        RecordMapper mappers = new RecordMapper();
        RecordParser parser = new RecordParser(mappers);
        RecordBinder binder = new RecordBinder(mappers);
        SchemaValidator schema = new SchemaValidator(dataDir.resolve("schema"));

        List<Loaded<Model>> models = new ArrayList<>();
        List<Loaded<Organisation>> organisations = new ArrayList<>();
        List<Loaded<Programme>> programmes = new ArrayList<>();
        List<ParsedRecord> unbound = new ArrayList<>();
        for (RecordKind kind : RecordKind.curated()) {
            for (Path file : RecordFiles.list(dataDir, kind, workingDir, findings::add)) {
                String shown = RecordFiles.display(file, workingDir);
                Optional<ParsedRecord> parsed = read(parser, kind, file, shown, findings);
                if (parsed.isEmpty()) {
                    continue;
                }
                List<Finding> schemaFindings = new ArrayList<>();
                schema.validate(parsed.get(), schemaFindings::add);
                findings.addAll(schemaFindings);
                boolean bound =
                        schemaFindings.isEmpty()
                                && switch (kind) {
                                    case MODEL ->
                                            binder.bind(parsed.get(), Model.class, findings::add)
                                                    .map(models::add)
                                                    .isPresent();
                                    case ORGANISATION ->
                                            binder.bind(
                                                            parsed.get(),
                                                            Organisation.class,
                                                            findings::add)
                                                    .map(organisations::add)
                                                    .isPresent();
                                    case PROGRAMME ->
                                            binder.bind(
                                                            parsed.get(),
                                                            Programme.class,
                                                            findings::add)
                                                    .map(programmes::add)
                                                    .isPresent();
                                    case SNAPSHOT -> false;
                                };
                if (!bound) {
                    unbound.add(parsed.get());
                }
            }
        }
        List<LoadedSnapshot> snapshots = new ArrayList<>();
        SnapshotStore store = new SnapshotStore(parser, binder);
        for (Path folder :
                SnapshotStore.folders(dataDir.resolve("snapshots"), workingDir, findings::add)) {
            store.read(
                            folder,
                            workingDir,
                            parsed -> {
                                List<Finding> schemaFindings = new ArrayList<>();
                                schema.validate(parsed, schemaFindings::add);
                                findings.addAll(schemaFindings);
                                return schemaFindings.isEmpty();
                            },
                            findings::add)
                    .ifPresent(snapshots::add);
        }
        return new Registry(models, organisations, programmes, snapshots, unbound);
    }

    private static Optional<ParsedRecord> read(
            RecordParser parser, RecordKind kind, Path file, String shown, Findings findings) {
        byte[] bytes;
        try {
            // Reported by the parser's size check without reading a huge file into memory.
            bytes = RecordFiles.readCapped(file, RecordMapper.MAX_FILE_BYTES);
        } catch (IOException e) {
            findings.add(
                    Finding.error(
                            shown,
                            Position.WHOLE_FILE,
                            Check.LOAD_001,
                            "cannot read: " + e.getMessage()));
            return Optional.empty();
        }
        RecordParser.ParseResult result = parser.parse(kind, file, shown, bytes);
        findings.addAll(result.findings());
        return result.record();
    }
}
