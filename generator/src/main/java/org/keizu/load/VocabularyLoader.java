package org.keizu.load;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.keizu.model.Term;
import org.keizu.model.Vocabulary;

/**
 * Reads {@code data/vocab/*.yaml}: maintained by the maintainers with the schema, so a bad file is
 * a set-up error.
 */
public final class VocabularyLoader {
    private final RecordMapper mappers;

    public VocabularyLoader(RecordMapper mappers) {
        this.mappers = mappers;
    }

    public Vocabulary load(Path vocabDir) {
        Map<String, List<Term>> lists = new TreeMap<>();
        try (Stream<Path> files = Files.list(vocabDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.yaml$", "");
                // The same size cap and strict UTF-8 as every other file Keizu reads.
                byte[] bytes = RecordFiles.readCapped(file, RecordMapper.MAX_FILE_BYTES);
                if (bytes.length > RecordMapper.MAX_FILE_BYTES) {
                    throw new IOException(
                            file.getFileName()
                                    + " is larger than "
                                    + RecordMapper.MAX_FILE_BYTES / 1024
                                    + " KiB");
                }
                String text =
                        java.nio.charset.StandardCharsets.UTF_8
                                .newDecoder()
                                .decode(java.nio.ByteBuffer.wrap(bytes))
                                .toString();
                List<Term> terms =
                        mappers.mapper()
                                .readValue(
                                        mappers.yamlFactory().createParser(text),
                                        new TypeReference<List<Term>>() {});
                lists.put(name, List.copyOf(terms));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the vocabularies in " + vocabDir + ": " + e.getMessage(), e);
        }
        return new Vocabulary(lists);
    }
}
