package org.keizu.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.keizu.load.RecordMapper;

/**
 * A repository at one commit as the Hub's revision API lists it: the 40-hex commit a revision (a
 * branch, a tag or a commit) resolves to, and the files present there. Read once per fetch and
 * shared by the snapshot and the weights fingerprint taken at that commit.
 *
 * @param files every file's path in the repository at the commit, as the API gives it
 */
public record HubRevision(String repo, String commit, Set<String> files) {
    private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    public HubRevision {
        files = Set.copyOf(files);
    }

    /**
     * Asks the Hub which commit {@code revision} of {@code repo} is and which files it holds. URLs
     * are built only from a validated repo id and revision.
     */
    public static HubRevision at(
            HubClient client, FetchPolicy policy, String repo, String revision) {
        if (!SnapshotFetcher.REPO.matcher(repo).matches() || repo.contains("..")) {
            throw new FetchException("not a hub repository id: " + repo);
        }
        if (!REVISION.matcher(revision).matches() || revision.contains("..")) {
            throw new FetchException("not a revision: " + revision);
        }
        URI api = policy.hub().resolve("/api/models/" + repo + "/revision/" + revision);
        byte[] answer =
                client.get(api, repo + " revision " + revision, 4L << 20)
                        .orElseThrow(
                                () ->
                                        new FetchException(
                                                repo + ": the hub has no revision " + revision));
        JsonNode info;
        try {
            info = RecordMapper.untrustedJson(4L << 20).readTree(answer);
        } catch (IOException e) {
            throw FetchException.notJson(repo + " API answer", e);
        }
        String commit = info.path("sha").asText("");
        if (!COMMIT.matcher(commit).matches()) {
            throw new FetchException(
                    repo + ": the hub did not give a 40-hex commit for " + revision);
        }
        if (COMMIT.matcher(revision).matches() && !commit.equals(revision)) {
            throw new FetchException(
                    repo + ": the hub answered for another commit than " + revision);
        }
        Set<String> files = new TreeSet<>();
        info.path("siblings").forEach(s -> files.add(s.path("rfilename").asText()));
        return new HubRevision(repo, commit, files);
    }
}
