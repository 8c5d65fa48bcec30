package org.keizu.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.keizu.load.RecordMapper;
import org.keizu.model.Snapshot;

/**
 * Fetches one repository's files at one commit into memory: resolves the revision to a 40-hex
 * commit through the Hub API ({@link HubRevision}), then downloads the allowlisted files at that
 * commit. URLs are built only from a validated repo id, the commit and a fixed file name, never
 * from record text.
 *
 * <pre>
 *   FetchedSnapshot s = new SnapshotFetcher(new HubClient(FetchPolicy.forHub(FetchPolicy.HUGGING_FACE)), policy)
 *           .fetch("Rakuten/RakutenAI-3.0", "main", "2026-11-29", System.err::println);
 * </pre>
 */
public final class SnapshotFetcher {
    /**
     * The files a snapshot keeps verbatim, when the repository has them; config.json is required.
     */
    public static final List<String> KEPT_FILES =
            List.of("config.json", "generation_config.json", "README.md", "LICENSE", "NOTICE");

    /** Fingerprinted, not kept: tokenizers run to tens of megabytes. */
    public static final String TOKENIZER = "tokenizer.json";

    static final Pattern REPO =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,95}/[A-Za-z0-9][A-Za-z0-9._-]{0,95}");

    private static final org.keizu.load.RecordParser LOADER =
            new org.keizu.load.RecordParser(new org.keizu.load.RecordMapper());

    private final HubClient client;
    private final FetchPolicy policy;
    private final ObjectMapper json;

    public SnapshotFetcher(HubClient client, FetchPolicy policy) {
        this.client = client;
        this.policy = policy;
        // Fetched JSON is untrusted: bounded depth, string and document size.
        this.json = RecordMapper.untrustedJson(policy.capFor(TOKENIZER));
    }

    public FetchedSnapshot fetch(
            String repo, String revision, String retrieved, Consumer<String> progress) {
        HubRevision listed = HubRevision.at(client, policy, repo, revision);
        String commit = listed.commit();
        Set<String> present = listed.files();
        if (!present.contains("config.json")) {
            throw new FetchException(repo + "@" + commit + " has no config.json");
        }
        List<String> wanted =
                new ArrayList<>(KEPT_FILES.stream().filter(present::contains).toList());
        boolean tokenizer = present.contains(TOKENIZER);
        int total = wanted.size() + (tokenizer ? 1 : 0);
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<Snapshot.SnapshotFile> described = new ArrayList<>();
        int n = 0;
        for (String name : wanted) {
            byte[] bytes = download(repo, commit, name);
            if (name.equals("config.json")) {
                JsonNode config = parse(bytes, repo + " config.json");
                if (!config.isObject()) {
                    throw new FetchException(repo + ": config.json is not a JSON object");
                }
                // Store only what the loader will read: the same size, nesting and number limits,
                // so
                // that one upstream file cannot block every later validate and build.
                List<org.keizu.diagnostic.Finding> refused =
                        LOADER.parse(
                                        org.keizu.load.RecordKind.SNAPSHOT,
                                        java.nio.file.Path.of("config.json"),
                                        repo + "@" + commit + "/config.json",
                                        bytes)
                                .findings();
                if (!refused.isEmpty()) {
                    throw new FetchException(
                            repo
                                    + "@"
                                    + commit
                                    + " config.json would not load, so it is not stored: "
                                    + refused.get(0).message());
                }
            }
            files.put(name, bytes);
            described.add(new Snapshot.SnapshotFile(name, sha256(bytes), bytes.length));
            progress.accept(
                    "["
                            + (++n)
                            + "/"
                            + total
                            + "] "
                            + repo
                            + "@"
                            + commit.substring(0, 7)
                            + " "
                            + name
                            + " "
                            + bytes.length
                            + " bytes");
        }
        Snapshot.TokenizerFingerprint fingerprint = null;
        if (tokenizer) {
            byte[] bytes = download(repo, commit, TOKENIZER);
            fingerprint = fingerprint(bytes, repo);
            progress.accept(
                    "["
                            + (++n)
                            + "/"
                            + total
                            + "] "
                            + repo
                            + "@"
                            + commit.substring(0, 7)
                            + " "
                            + TOKENIZER
                            + " "
                            + bytes.length
                            + " bytes (fingerprint kept, file not stored)");
        }
        Snapshot.Via via =
                new Snapshot.Via(
                        "hub",
                        null,
                        null,
                        null,
                        policy.hub().resolve("/" + repo + "/tree/" + commit).toString(),
                        null,
                        null);
        Snapshot snapshot =
                new Snapshot(repo, commit, null, retrieved, via, described, fingerprint);
        return new FetchedSnapshot(snapshot, files, listed);
    }

    private byte[] download(String repo, String commit, String name) {
        URI uri = policy.hub().resolve("/" + repo + "/resolve/" + commit + "/" + name);
        // Every message names the repository, the commit and the file (and HubClient adds the HTTP
        // status).
        return client.get(uri, repo + "@" + commit + " " + name, policy.capFor(name))
                .orElseThrow(
                        () ->
                                new FetchException(
                                        repo
                                                + "@"
                                                + commit
                                                + ": "
                                                + name
                                                + " is listed but the hub answered HTTP 404"));
    }

    /**
     * sha256, vocabulary size, a hash of the merges list, the special tokens, and the vocabulary's
     * blocks ({@link VocabularyBlocks}) of a tokenizer.json.
     */
    Snapshot.TokenizerFingerprint fingerprint(byte[] bytes, String repo) {
        JsonNode tokenizer = parse(bytes, repo + " " + TOKENIZER);
        JsonNode vocab = tokenizer.path("model").path("vocab");
        Integer vocabSize = vocab.isObject() || vocab.isArray() ? vocab.size() : null;
        JsonNode merges = tokenizer.path("model").path("merges");
        String mergesSha =
                merges.isArray()
                        ? sha256(
                                merges.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        : null;
        List<String> special = new ArrayList<>();
        tokenizer
                .path("added_tokens")
                .forEach(
                        t -> {
                            if (t.path("special").asBoolean(false)) {
                                special.add(t.path("content").asText());
                            }
                        });
        java.util.Optional<VocabularyBlocks> blocks = VocabularyBlocks.of(tokenizer);
        return new Snapshot.TokenizerFingerprint(
                TOKENIZER,
                sha256(bytes),
                bytes.length,
                vocabSize,
                blocks.map(VocabularyBlocks::total).orElse(null),
                mergesSha,
                special,
                blocks.map(VocabularyBlocks::blocks).orElse(List.of()));
    }

    private JsonNode parse(byte[] bytes, String what) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw FetchException.notJson(what, e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
