package org.keizu.fetch;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.keizu.model.WeightsFingerprint;

/**
 * Takes a weights fingerprint ({@link WeightsSample}) of one repository at one commit, by range
 * requests only: each safetensors file's header, then the sampled pieces. Never asks for a whole
 * file, and refuses a server that answers a range request with one. Everything is held in memory
 * until the fingerprint is complete, so a refusal writes nothing.
 *
 * <pre>
 *   WeightsFingerprint w = new WeightsFetcher(client, policy)
 *           .fetch(HubRevision.at(client, policy, "Rakuten/RakutenAI-7B", commit), "2026-12-01", System.err::println);
 * </pre>
 */
public final class WeightsFetcher {
    /** The first request per file: the length and, for most files, the whole header. */
    static final int PROBE_BYTES = 16 << 10;

    /** The most safetensors files read for one commit. */
    static final int MAX_FILES = 512;

    private static final Pattern FILE =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}\\.safetensors");

    private final HubClient client;
    private final FetchPolicy policy;

    public WeightsFetcher(HubClient client, FetchPolicy policy) {
        this.client = client;
        this.policy = policy;
    }

    /**
     * The fingerprint of the repository at {@code revision}'s commit, whose listing (from the Hub's
     * revision API, asked once for the snapshot and the weights alike) names the files to read.
     */
    public WeightsFingerprint fetch(
            HubRevision revision, String retrieved, Consumer<String> progress) {
        String repo = revision.repo();
        String commit = revision.commit();
        String at = repo + "@" + commit;
        List<String> files = safetensorsFiles(revision);
        long downloaded = 0;
        SortedMap<String, SafetensorsHeader> headers = new TreeMap<>();
        List<WeightsFingerprint.Shard> shards = new ArrayList<>();
        for (String file : files) {
            URI uri = uri(repo, commit, file);
            String what = at + " " + file;
            HubClient.Range probe = client.getRange(uri, what, 0, PROBE_BYTES - 1);
            downloaded += probe.bytes().length;
            long n = SafetensorsHeader.headerLength(probe.bytes(), probe.fileSize(), what);
            byte[] header;
            if (8 + n <= probe.bytes().length) {
                header = Arrays.copyOfRange(probe.bytes(), 8, (int) (8 + n));
            } else {
                HubClient.Range rest = client.getRange(uri, what, probe.bytes().length, 8 + n - 1);
                sameFile(rest, probe.fileSize(), what);
                downloaded += rest.bytes().length;
                ByteArrayOutputStream joined = new ByteArrayOutputStream();
                joined.write(probe.bytes(), 8, probe.bytes().length - 8);
                joined.writeBytes(rest.bytes());
                header = joined.toByteArray();
            }
            SafetensorsHeader parsed = SafetensorsHeader.parse(header, probe.fileSize(), what);
            headers.put(file, parsed);
            shards.add(
                    new WeightsFingerprint.Shard(
                            file,
                            probe.fileSize(),
                            n,
                            SnapshotFetcher.sha256(header),
                            parsed.tensors().size()));
            progress.accept(
                    at.substring(0, repo.length() + 8)
                            + " "
                            + file
                            + ": header of "
                            + n
                            + " bytes, "
                            + parsed.tensors().size()
                            + " tensors");
        }
        List<WeightsSample.Piece> pieces;
        try {
            pieces = WeightsSample.select(headers);
        } catch (FetchException e) {
            throw new FetchException(at + ": " + e.getMessage(), e);
        }
        if (pieces.isEmpty()) {
            throw new FetchException(
                    at
                            + ": no normalisation vector or token embedding in BF16, F16 or F32 to sample");
        }
        List<WeightsFingerprint.SampledTensor> tensors = new ArrayList<>();
        for (WeightsSample.Piece piece : pieces) {
            String what = at + " " + piece.file() + " " + piece.name();
            HubClient.Range range =
                    client.getRange(
                            uri(repo, commit, piece.file()),
                            what,
                            piece.offset(),
                            piece.offset() + piece.length() - 1);
            sameFile(range, headers.get(piece.file()).size(), what);
            if (range.bytes().length != piece.length()) {
                throw new FetchException(what + ": the file ended before the tensor did");
            }
            downloaded += range.bytes().length;
            int width = SafetensorsHeader.DTYPE_BYTES.get(piece.tensor().dtype());
            int kept = (int) Math.min(range.bytes().length, (long) WeightsSample.VALUES * width);
            tensors.add(
                    new WeightsFingerprint.SampledTensor(
                            piece.name(),
                            piece.role(),
                            piece.layer(),
                            piece.tensor().dtype(),
                            piece.tensor().shape(),
                            piece.file(),
                            piece.offset(),
                            piece.length(),
                            piece.whole(),
                            SnapshotFetcher.sha256(range.bytes()),
                            Base64.getEncoder()
                                    .encodeToString(Arrays.copyOf(range.bytes(), kept))));
        }
        progress.accept(
                at
                        + ": sampled "
                        + tensors.size()
                        + " tensors from "
                        + files.size()
                        + " files, "
                        + downloaded
                        + " bytes downloaded");
        return new WeightsFingerprint(
                repo, commit, retrieved, WeightsSample.METHOD, downloaded, shards, tensors);
    }

    /** The commit's top-level safetensors files, in name order. */
    private static List<String> safetensorsFiles(HubRevision revision) {
        String repo = revision.repo();
        String commit = revision.commit();
        List<String> files =
                revision.files().stream()
                        .filter(name -> FILE.matcher(name).matches() && !name.contains(".."))
                        .sorted()
                        .toList();
        if (files.isEmpty()) {
            throw new FetchException(
                    repo + "@" + commit + " has no safetensors file to fingerprint");
        }
        if (files.size() > MAX_FILES) {
            throw new FetchException(
                    repo
                            + "@"
                            + commit
                            + " has "
                            + files.size()
                            + " safetensors files, more than "
                            + MAX_FILES);
        }
        return files;
    }

    private URI uri(String repo, String commit, String file) {
        return policy.hub().resolve("/" + repo + "/resolve/" + commit + "/" + file);
    }

    /** A file that changes size between two requests is not one file; refuse it. */
    private static void sameFile(HubClient.Range range, long size, String what) {
        if (range.fileSize() != size) {
            throw new FetchException(
                    what
                            + ": the file was "
                            + size
                            + " bytes, and now the server says "
                            + range.fileSize()
                            + "; refusing it");
        }
    }
}
