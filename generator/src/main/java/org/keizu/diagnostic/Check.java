package org.keizu.diagnostic;

/**
 * Every check Keizu runs, with its stable code and kebab-case name.
 *
 * <p>Codes never change meaning once published: contributors search for them, and the invalid
 * fixtures in the tests are named after them ({@code REF-002--unknown-base.yaml}).
 */
public enum Check {
    // Reading files: these stop a file from being read at all.
    LOAD_001("LOAD-001", "unreadable-file", "the file cannot be read as UTF-8 text"),
    LOAD_002("LOAD-002", "syntax-error", "the file is not well-formed YAML or JSON"),
    LOAD_003("LOAD-003", "duplicate-key", "a key appears twice in one mapping"),
    LOAD_004("LOAD-004", "anchor-or-alias", "YAML anchors and aliases are not allowed"),
    LOAD_005("LOAD-005", "explicit-tag", "YAML tags are not allowed"),
    LOAD_006("LOAD-006", "multiple-documents", "a record file holds exactly one document"),
    LOAD_007(
            "LOAD-007",
            "file-too-large",
            "a record file is at most 256 KiB, a prose page 1 MiB, and no value is longer than its limit"),
    LOAD_008("LOAD-008", "too-deeply-nested", "records nest at most 20 levels"),
    LOAD_009("LOAD-009", "tab-indentation", "YAML is indented with spaces, never tabs"),
    LOAD_010("LOAD-010", "not-a-mapping", "a record is a mapping of fields"),
    LOAD_011(
            "LOAD-011",
            "unexpected-file",
            "only .yaml, .yml and .json records belong in a record folder"),
    LOAD_012("LOAD-012", "symbolic-link", "record files and folders must not be symbolic links"),
    // The JSON Schema in data/schema/.
    SCHEMA_001("SCHEMA-001", "unknown-field", "the field is not part of the schema"),
    SCHEMA_002("SCHEMA-002", "missing-field", "a required field is missing"),
    SCHEMA_003("SCHEMA-003", "wrong-type", "the value has the wrong type"),
    SCHEMA_004("SCHEMA-004", "not-in-vocabulary", "the value is not one of the allowed terms"),
    SCHEMA_005("SCHEMA-005", "bad-format", "the value does not have the required form"),
    SCHEMA_006("SCHEMA-006", "schema-violation", "the value breaks another schema rule"),
    // Identity.
    ID_001("ID-001", "id-differs-from-file-name", "a record's id equals its file name"),
    ID_002(
            "ID-002",
            "bad-id",
            "ids are lower-case letters, digits, '-' and single '.'; some names are reserved"),
    ID_003("ID-003", "duplicate-id", "ids are unique, also ignoring case"),
    ID_004(
            "ID-004",
            "former-id-taken",
            "a former id belongs to one record only and is no record's current id"),
    // References between records and to sources.
    REF_001("REF-001", "unknown-organisation", "the organisation is not in the registry"),
    REF_002("REF-002", "unknown-base", "the base model is not in the registry"),
    REF_003("REF-003", "unknown-programme", "the programme is not in the registry"),
    REF_004("REF-004", "unknown-source", "the source id is not in this record's sources"),
    REF_005("REF-005", "unused-source", "every listed source is cited by some fact"),
    REF_006("REF-006", "duplicate-source", "source ids are unique within a record"),
    REF_007("REF-007", "self-reference", "a model cannot be its own base"),
    // Values.
    VAL_001("VAL-001", "unknown-country", "countries are ISO 3166-1 alpha-2 codes"),
    VAL_002("VAL-002", "unknown-licence", "licences are SPDX ids, or LicenseRef-<name>"),
    VAL_003("VAL-003", "invalid-date", "dates are real calendar dates"),
    VAL_004("VAL-004", "dates-out-of-order", "dates follow a sensible order"),
    VAL_005(
            "VAL-005",
            "insecure-url",
            "URLs are https with a host, no user info and no IP address"),
    VAL_006(
            "VAL-006",
            "invisible-character",
            "one-line text has no control, bidi or invisible characters"),
    VAL_007(
            "VAL-007",
            "look-alike-name",
            "names are written in one script per word and do not look like another record's (UTS #39)"),
    // Snapshots: the pinned copies of model files that detection reads.
    SNAP_001(
            "SNAP-001",
            "snapshot-hash-mismatch",
            "a snapshot's files match the sha256 and size in its snapshot.json"),
    SNAP_002(
            "SNAP-002",
            "snapshot-incomplete",
            "a snapshot folder holds snapshot.json and exactly the files it lists"),
    SNAP_003(
            "SNAP-003",
            "snapshot-misplaced",
            "a snapshot lives at snapshots/<repo>/<revision or unpinned-hash>/"),
    SNAP_004(
            "SNAP-004", "unknown-snapshot", "a record names a snapshot that is in data/snapshots/"),
    SNAP_005(
            "SNAP-005",
            "evidence-does-not-hold",
            "config evidence (pointer + equals) matches its snapshot"),
    SNAP_006(
            "SNAP-006",
            "weights-fingerprint-mismatch",
            "a weights.json names the hub repository and commit of the snapshot beside it"),
    // Lineage.
    LIN_001(
            "LIN-001",
            "grade-relation-mismatch",
            "architecture-only is E1; a derivation or component needs E2 or more"),
    LIN_002("LIN-002", "duplicate-base", "one lineage entry per base"),
    LIN_003("LIN-003", "claim-base-missing", "a claim that names a base says which base"),
    LIN_004(
            "LIN-004",
            "lineage-contradicts-config",
            "a declared derivation fits the base's shape, or a known surgery of it"),
    LIN_005(
            "LIN-005",
            "architecture-only-but-same-shape",
            "a declared architecture-only link whose shapes match exactly is reviewed"),
    LIN_006(
            "LIN-006",
            "lineage-cycle",
            "no model stands, through a chain of lineage links, on itself"),
    LIN_007(
            "LIN-007",
            "derivation-but-independent-weights",
            "a declared derivation whose weights fingerprints show independent weights is reviewed"),

    PAS_001(
            "PAS-001",
            "missing-passage",
            "lineage evidence, allegations, timeline events and paraphrases quote the source's supporting words; summaries should"),
    PAS_002(
            "PAS-002",
            "passage-untranslated",
            "a passage in another language than English carries an English translation"),

    HIST_001(
            "HIST-001",
            "history-cut-short",
            "the data's git history is complete, so each record's changes can be listed"),
    HIST_002(
            "HIST-002",
            "version-unreadable",
            "every version of a record reads in today's form, so each has a page"),

    SITE_001(
            "SITE-001",
            "address-taken",
            "a prose page does not take the address of a page the site builds itself"),
    SITE_002(
            "SITE-002",
            "translation-incomplete",
            "a translation's message bundle has exactly the keys of messages.properties, and a label and meaning for each term");

    private final String code;
    private final String kebabName;
    private final String rule;

    Check(String code, String kebabName, String rule) {
        this.code = code;
        this.kebabName = kebabName;
        this.rule = rule;
    }

    public String code() {
        return code;
    }

    public String kebabName() {
        return kebabName;
    }

    /** The rule in one sentence, for {@code validate --list-checks} and the docs. */
    public String rule() {
        return rule;
    }

    public static java.util.Optional<Check> byCode(String code) {
        for (Check check : values()) {
            if (check.code.equals(code)) {
                return java.util.Optional.of(check);
            }
        }
        return java.util.Optional.empty();
    }
}
