package org.keizu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.diagnostic.Findings;
import org.keizu.diagnostic.Position;
import org.keizu.io.DaemonThreads;
import org.keizu.io.Parallel;
import org.keizu.load.Loaded;
import org.keizu.load.LoadedSnapshot;
import org.keizu.load.ParsedRecord;
import org.keizu.load.PositionIndex;
import org.keizu.load.RecordBinder;
import org.keizu.load.RecordFiles;
import org.keizu.load.RecordKind;
import org.keizu.load.RecordMapper;
import org.keizu.load.RecordParser;
import org.keizu.load.SnapshotStore;
import org.keizu.model.Model;
import org.keizu.model.Organisation;
import org.keizu.model.Programme;
import org.keizu.model.Snapshot;
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

    /** Null: compiled from {@code data/schema/} when the load runs. */
    private final Future<SchemaValidator> schema;

    /**
     * True for a load of only the records that can hold a snapshot ({@link #snapshotHolders()}).
     */
    private final boolean snapshotHoldersOnly;

    /** Null: every file is read afresh. */
    private final Cache cache;

    public RegistryLoad(Path dataDir, Path workingDir) {
        this(dataDir, workingDir, null);
    }

    /**
     * A load that checks records against {@code schema}, compiled by the caller for other uses too.
     */
    public RegistryLoad(Path dataDir, Path workingDir, SchemaValidator schema) {
        this(dataDir, workingDir, schema, false, null);
    }

    /**
     * A load that checks records against the schemas {@code schema} gives once compiled (the caller
     * may still be compiling them: the first folder is listed meanwhile), and takes from {@code
     * cache}, if not null, what an earlier load with the same schemas made of a file whose bytes
     * have not changed ({@code keizu serve}).
     */
    public RegistryLoad(
            Path dataDir, Path workingDir, Future<SchemaValidator> schema, Cache cache) {
        this(dataDir, workingDir, schema, false, cache);
    }

    private RegistryLoad(
            Path dataDir,
            Path workingDir,
            SchemaValidator schema,
            boolean snapshotHoldersOnly,
            Cache cache) {
        this(
                dataDir,
                workingDir,
                schema == null ? null : CompletableFuture.completedFuture(schema),
                snapshotHoldersOnly,
                cache);
    }

    private RegistryLoad(
            Path dataDir,
            Path workingDir,
            Future<SchemaValidator> schema,
            boolean snapshotHoldersOnly,
            Cache cache) {
        this.dataDir = dataDir;
        this.workingDir = workingDir;
        this.schema = schema;
        this.snapshotHoldersOnly = snapshotHoldersOnly;
        this.cache = cache;
    }

    /**
     * What loading each record file gave, kept between the loads of a live preview: parsing, schema
     * checks and binding are most of a load, and an edit changes one file. An entry is used only
     * for a file whose bytes have the same SHA-256, and all are dropped when a schema changes.
     * Records, trees and findings are immutable once loaded, so a cached one can be shared.
     */
    public static final class Cache {
        private record Entry(byte[] digest, FileResult result) {}

        private final Map<Path, Entry> files = new ConcurrentHashMap<>();
        private byte[] schemas = new byte[0];
        private int reused;

        /** The schemas compiled by {@link #validator}, while their bytes stay {@code schemas}. */
        private SchemaValidator validator;

        /** Starts a load: the entries are dropped if they were made with other schemas. */
        private synchronized void useSchemas(byte[] digest) {
            forSchemas(digest);
            reused = 0;
        }

        /**
         * Drops every entry, and the compiled schemas, if the schemas are not the ones they were
         * made with.
         */
        private void forSchemas(byte[] digest) {
            if (digest == null || !Arrays.equals(digest, schemas)) {
                files.clear();
                validator = null;
                schemas = digest == null ? new byte[0] : digest;
            }
        }

        /**
         * The schemas of {@code schemaDir} compiled, the same object while their bytes stay the
         * same: compiling them is a good part of checking one edited file.
         */
        public synchronized SchemaValidator validator(Path schemaDir) {
            forSchemas(schemasDigest(schemaDir));
            if (validator == null) {
                validator = new SchemaValidator(schemaDir);
            }
            return validator;
        }

        /** How many files the latest load took from the cache. */
        public synchronized int reused() {
            return reused;
        }

        private synchronized void countReuse() {
            reused++;
        }
    }

    /**
     * The same load, reading only what ranking a config needs: the snapshots, and the model records
     * whose text names a snapshot at all (the word appears in every record that holds one). A
     * registry of 10,000 records holds a few hundred snapshots, and parsing and checking the rest
     * is most of the time {@code keizu detect} took. Organisations and programmes are not read. The
     * records it does read are checked as in a full load, and their findings reported.
     */
    public RegistryLoad snapshotHolders() {
        return new RegistryLoad(dataDir, workingDir, schema, true, null);
    }

    public Registry run(Findings findings) {
        RecordMapper mappers = new RecordMapper();
        RecordParser parser = new RecordParser(mappers);
        RecordBinder binder = new RecordBinder(mappers);
        // Schemas not given are compiled on another thread while the first folder is listed:
        // neither needs the other, and each took about a tenth of detect at 10,000 records.
        Future<SchemaValidator> compiled =
                schema != null
                        ? schema
                        : DaemonThreads.begin("keizu-schemas", this::schemaValidator);
        // Jackson builds a record type's reader the first time one is bound, and every thread
        // binding that type waits for it: about a tenth of a second for a model, with its nested
        // records, on a fresh JVM. Built on another thread while the folder is listed and the first
        // files are parsed, they are ready when the first record is (the snapshots' after the
        // records'; the organisations and programmes come after the models).
        binder.prepare(
                snapshotHoldersOnly
                        ? List.of(Model.class, Snapshot.class)
                        : List.of(
                                Model.class, Organisation.class, Programme.class, Snapshot.class));
        // The snapshot folders are listed on another thread while the records load, what the
        // listing finds kept aside until then.
        List<Finding> folderFindings = new ArrayList<>();
        Future<List<Path>> snapshotFolders =
                DaemonThreads.begin(
                        "keizu-snapshot-folders",
                        () ->
                                SnapshotStore.folders(
                                        dataDir.resolve("snapshots"),
                                        workingDir,
                                        folderFindings::add));

        if (cache != null) {
            cache.useSchemas(schemasDigest(dataDir.resolve("schema")));
        }
        List<Path> listed = new ArrayList<>();
        List<Loaded<Model>> models = new ArrayList<>();
        List<Loaded<Organisation>> organisations = new ArrayList<>();
        List<Loaded<Programme>> programmes = new ArrayList<>();
        List<ParsedRecord> unbound = new ArrayList<>();
        for (RecordKind kind :
                snapshotHoldersOnly ? List.of(RecordKind.MODEL) : RecordKind.curated()) {
            List<Path> files = RecordFiles.list(dataDir, kind, workingDir, findings::add);
            listed.addAll(files);
            // Each file is read, parsed, checked and bound on its own, so on every core at once;
            // the results are taken in the files' order, so findings and records keep it. A file
            // waits for the schemas only once it is parsed: the first files are read while they
            // compile, and a load for ranking passes over most files without needing them.
            List<FileResult> results =
                    Parallel.map(files, file -> load(parser, binder, compiled, kind, file));
            // Schemas that failed to compile are a set-up error, thrown here as it was raised.
            DaemonThreads.result(compiled);
            for (FileResult result : results) {
                findings.addAll(result.findings());
                if (result.bound().isPresent()) {
                    Object record = result.bound().get();
                    switch (kind) {
                        case MODEL -> models.add(cast(record));
                        case ORGANISATION -> organisations.add(cast(record));
                        case PROGRAMME -> programmes.add(cast(record));
                        case SNAPSHOT, WEIGHTS ->
                                throw new IllegalStateException("not a curated kind");
                    }
                } else {
                    result.parsed().ifPresent(unbound::add);
                }
            }
        }
        if (cache != null) {
            cache.files.keySet().retainAll(new java.util.HashSet<>(listed));
        }
        List<LoadedSnapshot> snapshots = new ArrayList<>();
        SnapshotStore store = new SnapshotStore(parser, binder);
        // Each folder is read, parsed and checked on its own, so on every core at once; the
        // results are taken in the folders' order.
        List<Path> folders = DaemonThreads.result(snapshotFolders);
        findings.addAll(folderFindings);
        SchemaValidator schema = DaemonThreads.result(compiled);
        List<SnapshotResult> read =
                Parallel.map(folders, folder -> readSnapshot(store, schema, folder));
        for (SnapshotResult result : read) {
            findings.addAll(result.findings());
            result.snapshot().ifPresent(snapshots::add);
        }
        return new Registry(models, organisations, programmes, snapshots, unbound);
    }

    /** The schemas given, else those of {@code data/schema/} compiled now. */
    private SchemaValidator schemaValidator() {
        return schema != null
                ? DaemonThreads.result(schema)
                : new SchemaValidator(dataDir.resolve("schema"));
    }

    /**
     * One model record file loaded on its own, as {@link #run} loads each (read, parsed, checked
     * against its schema, bound), its findings added to {@code findings}: what {@code keizu serve}
     * shows an edited model's pages from before the whole registry is checked. The cache is neither
     * read nor filled; the whole load that follows does both.
     */
    public Optional<Loaded<Model>> model(Path file, Findings findings) {
        SchemaValidator schema = schemaValidator();
        RecordMapper mappers = new RecordMapper();
        // Through a load of its own, which has no cache and reads every file it is given.
        FileResult result =
                new RegistryLoad(dataDir, workingDir, schema)
                        .load(
                                new RecordParser(mappers),
                                new RecordBinder(mappers),
                                CompletableFuture.completedFuture(schema),
                                RecordKind.MODEL,
                                file);
        findings.addAll(result.findings());
        return result.bound().map(RegistryLoad::cast);
    }

    /**
     * What loading one file gave: its findings in order, the tree when it parsed, and the bound
     * record when the tree also passed its schema and bound.
     */
    private record FileResult(
            List<Finding> findings, Optional<ParsedRecord> parsed, Optional<Loaded<?>> bound) {}

    /** What reading one snapshot folder gave: its findings in order, and the snapshot. */
    private record SnapshotResult(List<Finding> findings, Optional<LoadedSnapshot> snapshot) {}

    private SnapshotResult readSnapshot(SnapshotStore store, SchemaValidator schema, Path folder) {
        List<Finding> found = new ArrayList<>();
        Optional<LoadedSnapshot> snapshot =
                store.read(
                        folder,
                        workingDir,
                        parsed -> {
                            List<Finding> schemaFindings = new ArrayList<>();
                            schema.validate(parsed, schemaFindings::add);
                            found.addAll(schemaFindings);
                            return schemaFindings.isEmpty();
                        },
                        found::add);
        return new SnapshotResult(found, snapshot);
    }

    @SuppressWarnings("unchecked")
    private static <T> Loaded<T> cast(Object loaded) {
        return (Loaded<T>) loaded;
    }

    private FileResult load(
            RecordParser parser,
            RecordBinder binder,
            Future<SchemaValidator> schema,
            RecordKind kind,
            Path file) {
        List<Finding> readFindings = new ArrayList<>();
        Optional<byte[]> bytes = readBytes(file, readFindings);
        if (bytes.isEmpty()) {
            return new FileResult(readFindings, Optional.empty(), Optional.empty());
        }
        if (snapshotHoldersOnly && !namesSnapshot(bytes.get())) {
            // Names no snapshot: nothing for ranking to read.
            return new FileResult(List.of(), Optional.empty(), Optional.empty());
        }
        String shown = RecordFiles.display(file, workingDir);
        // The few records a load for ranking reads keep their trees (below), so they need no
        // digest to be read again: hashing them was a twentieth of what detect cost.
        byte[] digest = snapshotHoldersOnly ? null : sha256(bytes.get());
        if (cache != null) {
            Cache.Entry earlier = cache.files.get(file);
            if (earlier != null && Arrays.equals(earlier.digest(), digest)) {
                cache.countReuse();
                return earlier.result();
            }
        }
        FileResult result = load(parser, binder, schema, kind, file, shown, bytes.get(), digest);
        if (cache != null && compiledOrNull(schema) != null) {
            cache.files.put(file, new Cache.Entry(digest, result));
        }
        return result;
    }

    /**
     * The schemas once compiled, waiting for them if need be; null if compiling them failed (the
     * load's own thread throws that failure, so that it reads as it was raised).
     */
    private static SchemaValidator compiledOrNull(Future<SchemaValidator> schema) {
        try {
            return schema.get();
        } catch (java.util.concurrent.ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * One file's bytes parsed, checked and bound; {@code digest} is their SHA-256, or null when the
     * record keeps its tree and positions rather than reading them again when asked.
     */
    private FileResult load(
            RecordParser parser,
            RecordBinder binder,
            Future<SchemaValidator> schema,
            RecordKind kind,
            Path file,
            String shown,
            byte[] bytes,
            byte[] digest) {
        List<Finding> fileFindings = new ArrayList<>();
        // A record that can be read again notes no positions while it is read: only a finding
        // asks for one, and then they are made from the file (as for a loaded record, below).
        Supplier<PositionIndex> positionsLater =
                digest == null
                        ? null
                        : () ->
                                again(parser, kind, file, shown, digest)
                                        .map(ParsedRecord::positions)
                                        .orElseGet(PositionIndex::new);
        Optional<ParsedRecord> parsed =
                parse(parser, kind, file, shown, bytes, positionsLater, fileFindings);
        if (parsed.isEmpty()) {
            return new FileResult(fileFindings, Optional.empty(), Optional.empty());
        }
        SchemaValidator validator = compiledOrNull(schema);
        if (validator == null) {
            // The schemas did not compile: run() throws that once the files are read.
            return new FileResult(fileFindings, parsed, Optional.empty());
        }
        List<Finding> schemaFindings = new ArrayList<>();
        validator.validate(parsed.get(), schemaFindings::add);
        fileFindings.addAll(schemaFindings);
        Optional<? extends Loaded<?>> bound =
                !schemaFindings.isEmpty()
                        ? Optional.empty()
                        : switch (kind) {
                            case MODEL -> binder.bind(parsed.get(), Model.class, fileFindings::add);
                            case ORGANISATION ->
                                    binder.bind(
                                            parsed.get(), Organisation.class, fileFindings::add);
                            case PROGRAMME ->
                                    binder.bind(parsed.get(), Programme.class, fileFindings::add);
                            case SNAPSHOT, WEIGHTS -> Optional.empty();
                        };
        if (bound.isPresent() && digest != null) {
            // A loaded record's positions are needed only if a later check reports on it, and its
            // tree only by the checks and the open data: both can be read again from the file,
            // as long as it holds the bytes that were checked.
            parsed.get().positions().release(positionsLater);
            parsed.get()
                    .content()
                    .rereadWith(
                            () ->
                                    again(parser, kind, file, shown, digest)
                                            .orElseThrow(
                                                    () ->
                                                            new IllegalStateException(
                                                                    shown
                                                                            + " changed while the"
                                                                            + " site was being"
                                                                            + " built; build"
                                                                            + " again"))
                                            .tree());
        }
        return new FileResult(fileFindings, parsed, bound.map(b -> (Loaded<?>) b));
    }

    /**
     * The record read again from its file, if the file still holds the bytes that were loaded
     * (their SHA-256 is {@code digest}); else empty.
     */
    private Optional<ParsedRecord> again(
            RecordParser parser, RecordKind kind, Path file, String shown, byte[] digest) {
        return readBytes(file, new ArrayList<>())
                .filter(bytes -> MessageDigest.isEqual(sha256(bytes), digest))
                .flatMap(bytes -> parse(parser, kind, file, shown, bytes, null, new ArrayList<>()));
    }

    /** The schemas' bytes, hashed together in their names' order: what a cached load depends on. */
    private static byte[] schemasDigest(Path schemaDir) {
        try (var listing = java.nio.file.Files.list(schemaDir)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path schemaFile : listing.sorted().toList()) {
                digest.update(schemaFile.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update(java.nio.file.Files.readAllBytes(schemaFile));
            }
            return digest.digest();
        } catch (IOException e) {
            return null; // reported by the schemas' own load; nothing cached is trusted
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static final org.keizu.io.Bytes.Word SNAPSHOT =
            new org.keizu.io.Bytes.Word("snapshot".getBytes(StandardCharsets.US_ASCII));

    /** Whether a record file's bytes hold the word "snapshot" at all, as every holder's do. */
    private static boolean namesSnapshot(byte[] bytes) {
        return SNAPSHOT.in(bytes);
    }

    private Optional<byte[]> readBytes(Path file, List<Finding> findings) {
        try {
            // Reported by the parser's size check without reading a huge file into memory.
            return Optional.of(RecordFiles.readCapped(file, RecordMapper.MAX_FILE_BYTES));
        } catch (IOException e) {
            findings.add(
                    Finding.error(
                            RecordFiles.display(file, workingDir),
                            Position.WHOLE_FILE,
                            Check.LOAD_001,
                            "cannot read: " + e.getMessage()));
            return Optional.empty();
        }
    }

    private static Optional<ParsedRecord> parse(
            RecordParser parser,
            RecordKind kind,
            Path file,
            String shown,
            byte[] bytes,
            Supplier<PositionIndex> positionsLater,
            List<Finding> findings) {
        RecordParser.ParseResult result = parser.parse(kind, file, shown, bytes, positionsLater);
        findings.addAll(result.findings());
        return result.record();
    }
}
