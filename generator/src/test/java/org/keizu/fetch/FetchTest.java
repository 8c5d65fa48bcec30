package org.keizu.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keizu.RegistryLoad;
import org.keizu.TestRegistries;
import org.keizu.diagnostic.Findings;
import org.keizu.registry.Registry;

/**
 * {@code fetch} against a real HTTPS server on loopback that imitates the Hub, well and badly
 * behaved.
 */
class FetchTest {
    private static final String REPO = "national-co/National-Model";
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final String SHA2 = "fedcba9876543210fedcba9876543210fedcba98";

    @TempDir static Path certificates;
    @TempDir Path root;
    private FakeHub hub;
    private Path data;
    private final List<Duration> slept = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        data = TestRegistries.validFixture(root);
        hub = new FakeHub(certificates);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private FetchPolicy policy() {
        return hub.policy(
                Map.of("README.md", 4096L, "tokenizer.json", 1L << 20), 3, Duration.ofSeconds(5));
    }

    private RegistryFetch registryFetch() {
        Registry registry = new RegistryLoad(data, root).run(new Findings());
        HubClient client = new HubClient(policy(), hub.clientSsl(), slept::add);
        return new RegistryFetch(
                registry,
                data,
                new SnapshotFetcher(client, policy()),
                new WeightsFetcher(client, policy()));
    }

    /**
     * The Same-Shape fixture's config: the base's shape, as the record's declared lineage needs.
     */
    private byte[] config() throws Exception {
        return Files.readAllBytes(
                data.resolve("snapshots/fixture-org/Same-Shape/unpinned-583f7531e2a0/config.json"));
    }

    private Map<String, byte[]> files() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("config.json", config());
        files.put(
                "README.md",
                "# National Model\nContinued pre-training of Base Model.\n"
                        .getBytes(StandardCharsets.UTF_8));
        files.put(
                "tokenizer.json",
                ("{\"added_tokens\":[{\"content\":\"<s>\",\"special\":true},{\"content\":\"x\",\"special\":false}],"
                                + "\"model\":{\"vocab\":{\"a\":0,\"b\":1,\"ab\":2},\"merges\":[\"a b\"]}}")
                        .getBytes(StandardCharsets.UTF_8));
        files.put("model.safetensors", new byte[] {1, 2, 3});
        return files;
    }

    private List<Path> snapshotFolders() throws Exception {
        Path repo = data.resolve("snapshots").resolve(REPO);
        if (!Files.exists(repo)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(repo)) {
            return folders.toList();
        }
    }

    @Test
    void writesAPinnedHashedSnapshotThatValidates() throws Exception {
        hub.publish(REPO, SHA, files());

        List<RegistryFetch.Outcome> outcomes =
                registryFetch().fetch(List.of("national-model"), "2026-11-29", progress::add);

        assertEquals(
                List.of(false),
                outcomes.stream().map(RegistryFetch.Outcome::failed).toList(),
                outcomes::toString);
        Path folder = data.resolve("snapshots").resolve(REPO).resolve(SHA);
        assertEquals(List.of(folder), snapshotFolders());
        assertTrue(
                java.util.Arrays.equals(
                        config(), Files.readAllBytes(folder.resolve("config.json"))),
                "verbatim bytes");
        assertFalse(
                Files.exists(folder.resolve("tokenizer.json")),
                "tokenizers are fingerprinted, not kept");
        assertFalse(
                Files.exists(folder.resolve("model.safetensors")),
                "only allowlisted files are fetched");
        JsonNode snapshot = new ObjectMapper().readTree(folder.resolve("snapshot.json").toFile());
        assertEquals(SHA, snapshot.get("revision").asText());
        assertEquals("2026-11-29", snapshot.get("retrieved").asText());
        assertEquals("hub", snapshot.get("via").get("kind").asText());
        assertEquals(
                SnapshotFetcher.sha256(config()),
                snapshot.get("files").get(0).get("sha256").asText());
        assertEquals(3, snapshot.get("tokenizer").get("vocab_size").asInt());
        assertEquals("[\"<s>\"]", snapshot.get("tokenizer").get("special_tokens").toString());
        // The vocabulary in id order: three ids, one partial block; added tokens without an id
        // have no place in it.
        assertEquals(3, snapshot.get("tokenizer").get("vocab_size_total").asInt());
        assertEquals(1, snapshot.get("tokenizer").get("vocab_blocks").size());
        assertTrue(
                Files.readString(data.resolve("models/national-model.yaml"))
                        .contains("\nsnapshot: " + REPO + "@" + SHA + "\n"),
                "the record now points at its snapshot");
        assertEquals(3, progress.size(), "a progress line per file: " + progress);
        // The fake hub listens on 127.0.0.1, an address the site never publishes as a link: that
        // one
        // finding (the snapshot's origin URL) is expected; the snapshot is otherwise valid.
        List<org.keizu.diagnostic.Finding> findings = TestRegistries.validate(root).sorted();
        assertEquals(
                1,
                findings.size(),
                "the new snapshot passes validation but for the test hub's address: " + findings);
        assertEquals(org.keizu.diagnostic.Check.VAL_005, findings.get(0).check());
        assertTrue(
                findings.get(0).file().endsWith("snapshot.json")
                        && findings.get(0).message().contains("127.0.0.1"),
                findings.toString());
    }

    @Test
    void honoursRetryAfterOnTooManyRequests() throws Exception {
        hub.publish(REPO, SHA, files());
        byte[] api =
                ("{\"sha\":\"" + SHA + "\",\"siblings\":[{\"rfilename\":\"config.json\"}]}")
                        .getBytes(StandardCharsets.UTF_8);
        hub.on(
                "/api/models/" + REPO + "/revision/main",
                new FakeHub.Answer(429, Map.of("Retry-After", "7"), new byte[0], false),
                FakeHub.Answer.ok(api));

        List<RegistryFetch.Outcome> outcomes =
                registryFetch().fetch(List.of("national-model"), "2026-11-29", progress::add);

        assertFalse(outcomes.get(0).failed(), outcomes.toString());
        assertEquals(List.of(Duration.ofSeconds(7)), slept);
    }

    @Test
    void followsARelativeRedirectOnTheSameHost() throws Exception {
        hub.publish(REPO, SHA, files());
        hub.on(
                "/" + REPO + "/resolve/" + SHA + "/config.json",
                new FakeHub.Answer(
                        307,
                        Map.of(
                                "Location",
                                "/api/resolve-cache/models/" + REPO + "/" + SHA + "/config.json"),
                        new byte[0],
                        false));
        hub.on(
                "/api/resolve-cache/models/" + REPO + "/" + SHA + "/config.json",
                FakeHub.Answer.ok(config()));

        assertFalse(
                registryFetch()
                        .fetch(List.of("national-model"), "2026-11-29", progress::add)
                        .get(0)
                        .failed());
        assertEquals(1, snapshotFolders().size());
    }

    @Test
    void refusesARedirectToAnotherHostAndWritesNothing() throws Exception {
        hub.publish(REPO, SHA, files());
        hub.on(
                "/" + REPO + "/resolve/" + SHA + "/README.md",
                new FakeHub.Answer(
                        302, Map.of("Location", "https://evil.example/steal"), new byte[0], false));

        RegistryFetch.Outcome outcome =
                registryFetch()
                        .fetch(List.of("national-model"), "2026-11-29", progress::add)
                        .get(0);

        assertTrue(outcome.failed());
        assertTrue(outcome.message().contains("refusing to go to evil.example"), outcome.message());
        assertEquals(List.of(), snapshotFolders(), "nothing half-written");
        assertFalse(Files.readString(data.resolve("models/national-model.yaml")).contains(SHA));
    }

    @Test
    void refusesABodyOverItsCapEvenWithoutContentLength() throws Exception {
        Map<String, byte[]> files = files();
        files.put("README.md", "x".repeat(10_000).getBytes(StandardCharsets.UTF_8));
        hub.publish(REPO, SHA, files);
        hub.on(
                "/" + REPO + "/resolve/" + SHA + "/README.md",
                new FakeHub.Answer(200, Map.of(), files.get("README.md"), true));

        RegistryFetch.Outcome outcome =
                registryFetch()
                        .fetch(List.of("national-model"), "2026-11-29", progress::add)
                        .get(0);

        assertTrue(outcome.failed());
        assertTrue(
                outcome.message().contains("README.md")
                        && outcome.message().contains("over the cap of 4096 bytes"),
                outcome.message());
        assertEquals(List.of(), snapshotFolders());
    }

    @Test
    void refusesACompressedBody() throws Exception {
        hub.publish(REPO, SHA, files());
        hub.on(
                "/" + REPO + "/resolve/" + SHA + "/config.json",
                new FakeHub.Answer(
                        200,
                        Map.of("Content-Encoding", "gzip"),
                        new byte[] {31, -117, 8, 0},
                        false));

        RegistryFetch.Outcome outcome =
                registryFetch()
                        .fetch(List.of("national-model"), "2026-11-29", progress::add)
                        .get(0);

        assertTrue(outcome.failed());
        assertTrue(outcome.message().contains("gzip-encoded body"), outcome.message());
    }

    @Test
    void refusesAConfigTheLoaderWouldRefuseSoThatItCannotBlockLaterBuilds() throws Exception {
        Map<String, byte[]> files = files();
        files.put(
                "config.json",
                ("{\"hidden_size\": 1024, \"deep\": " + "[".repeat(30) + "]".repeat(30) + "}")
                        .getBytes(StandardCharsets.UTF_8));
        hub.publish(REPO, SHA, files);

        RegistryFetch.Outcome outcome =
                registryFetch()
                        .fetch(List.of("national-model"), "2026-11-29", progress::add)
                        .get(0);

        assertTrue(outcome.failed());
        assertTrue(
                outcome.message().contains(REPO + "@" + SHA + " config.json would not load"),
                outcome.message());
        assertEquals(List.of(), snapshotFolders(), "nothing stored");
    }

    @Test
    void refusesAnHtmlPageServedAsConfig() throws Exception {
        Map<String, byte[]> files = files();
        files.put(
                "config.json", "<html><body>Log in</body></html>".getBytes(StandardCharsets.UTF_8));
        hub.publish(REPO, SHA, files);

        RegistryFetch.Outcome outcome =
                registryFetch()
                        .fetch(List.of("national-model"), "2026-11-29", progress::add)
                        .get(0);

        assertTrue(outcome.failed());
        assertTrue(outcome.message().contains("config.json is not valid JSON"), outcome.message());
        assertEquals(List.of(), snapshotFolders());
    }

    @Test
    void aHubThatDripsItsBodyIsCutOffAtTheWholeRequestDeadline() throws Exception {
        hub.publish(REPO, SHA, files());
        byte[] slow = new byte[200];
        java.util.Arrays.fill(slow, (byte) ' ');
        hub.on(
                "/" + REPO + "/resolve/" + SHA + "/README.md",
                FakeHub.Answer.drip(slow, 100)); // 20 s in all

        RegistryFetch.Outcome outcome =
                registryFetch()
                        .fetch(List.of("national-model"), "2026-11-29", progress::add)
                        .get(0);

        assertTrue(outcome.failed());
        assertTrue(outcome.message().contains("whole-request limit of 5 s"), outcome.message());
        assertEquals(List.of(), snapshotFolders(), "nothing stored");
    }

    @Test
    void aHostileLocationHeaderIsPrintedWithItsControlCharactersEscaped() throws Exception {
        hub.publish(REPO, SHA, files());
        hub.on(
                "/" + REPO + "/resolve/" + SHA + "/README.md",
                new FakeHub.Answer(
                        302,
                        Map.of("Location", "https://evil.example/\u001b[2J\u202eboom\u0007"),
                        new byte[0],
                        false));

        RegistryFetch.Outcome outcome =
                registryFetch()
                        .fetch(List.of("national-model"), "2026-11-29", progress::add)
                        .get(0);

        assertTrue(outcome.failed());
        assertTrue(
                outcome.message()
                        .codePoints()
                        .noneMatch(
                                cp ->
                                        Character.getType(cp) == Character.CONTROL
                                                || Character.getType(cp) == Character.FORMAT),
                outcome.message());
    }

    @Test
    void refusesPlainHttp() {
        FetchException e =
                assertThrows(
                        FetchException.class,
                        () -> FetchPolicy.forHub(URI.create("http://127.0.0.1:8080")));
        assertTrue(e.getMessage().contains("only speaks https"), e.getMessage());
        HubClient client = new HubClient(policy(), hub.clientSsl(), slept::add);
        FetchException redirected =
                assertThrows(
                        FetchException.class,
                        () -> client.get(URI.create("http://127.0.0.1:1/x"), "x", 10));
        assertTrue(redirected.getMessage().contains("only speaks https"), redirected.getMessage());
    }

    @Test
    void refusesLoopbackAddressesUnderTheProductionPolicy() {
        FetchPolicy production = FetchPolicy.forHub(hub.uri());
        HubClient client = new HubClient(production, hub.clientSsl(), slept::add);
        FetchException e =
                assertThrows(
                        FetchException.class, () -> client.get(hub.uri().resolve("/x"), "x", 10));
        assertTrue(e.getMessage().contains("private address"), e.getMessage());
        assertEquals(List.of(), hub.requests, "nothing was sent");
    }

    @Test
    void checkReportsWhatChangedUpstreamAndWritesNothing() throws Exception {
        hub.publish(REPO, SHA, files());
        registryFetch().fetch(List.of("national-model"), "2026-11-29", progress::add);
        String record = Files.readString(data.resolve("models/national-model.yaml"));
        Map<String, byte[]> edited = files();
        edited.put(
                "README.md", "# National Model\nOur own model.\n".getBytes(StandardCharsets.UTF_8));
        edited.put("NOTICE", "Copyright Base Lab\n".getBytes(StandardCharsets.UTF_8));
        hub.publish(REPO, SHA2, edited);

        RegistryFetch.Outcome outcome =
                registryFetch()
                        .check(List.of("national-model"), "2026-12-01", progress::add)
                        .get(0);

        assertTrue(outcome.changed(), outcome.toString());
        assertTrue(outcome.message().contains("commit: " + SHA + " -> " + SHA2), outcome.message());
        assertTrue(outcome.message().contains("added: NOTICE"), outcome.message());
        assertTrue(outcome.message().contains("changed: README.md"), outcome.message());
        assertEquals(1, snapshotFolders().size(), "--check writes nothing");
        assertEquals(record, Files.readString(data.resolve("models/national-model.yaml")));
    }
}
