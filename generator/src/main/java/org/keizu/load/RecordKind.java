package org.keizu.load;

import org.keizu.model.Model;
import org.keizu.model.Organisation;
import org.keizu.model.Programme;

/**
 * The kinds of record: the three curated ones and the two machine-written files of a snapshot;
 * where they live under {@code data/}, their schema, their Java type.
 */
public enum RecordKind {
    MODEL("models", "model.schema.json", Model.class),
    ORGANISATION("organisations", "organisation.schema.json", Organisation.class),
    PROGRAMME("programmes", "programme.schema.json", Programme.class),
    /** Machine-written; nested as snapshots/<hub-org>/<repo>/<folder>/snapshot.json. */
    SNAPSHOT("snapshots", "snapshot.schema.json", org.keizu.model.Snapshot.class),
    /** Machine-written beside a snapshot's description: snapshots/.../weights.json. */
    WEIGHTS("snapshots", "weights.schema.json", org.keizu.model.WeightsFingerprint.class);

    private final String folder;
    private final String schemaFile;
    private final Class<?> type;

    RecordKind(String folder, String schemaFile, Class<?> type) {
        this.folder = folder;
        this.schemaFile = schemaFile;
        this.type = type;
    }

    public String folder() {
        return folder;
    }

    public String schemaFile() {
        return schemaFile;
    }

    public Class<?> type() {
        return type;
    }

    /** The most bytes a file of this kind may hold. */
    public int maxBytes() {
        return this == WEIGHTS ? RecordMapper.MAX_WEIGHTS_BYTES : RecordMapper.MAX_FILE_BYTES;
    }

    /** The curated kinds, one flat folder of {@code <id>.yaml} files each. */
    public static java.util.List<RecordKind> curated() {
        return java.util.List.of(MODEL, ORGANISATION, PROGRAMME);
    }
}
