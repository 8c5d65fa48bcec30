package org.keizu.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.keizu.TestRegistries;
import org.keizu.lineage.Verdict;
import org.keizu.load.RecordMapper;
import org.keizu.load.VocabularyLoader;
import org.keizu.model.ClaimKind;
import org.keizu.model.Grade;
import org.keizu.model.Relation;
import org.keizu.model.Term;
import org.keizu.model.Vocabulary;

/**
 * One rule, one place: data/vocab/ is the list; the schema's enums and the Java enums must agree
 * with it.
 */
class VocabularyConsistencyTest {
    private final Vocabulary vocabulary =
            new VocabularyLoader(new RecordMapper())
                    .load(TestRegistries.REAL_DATA.resolve("vocab"));
    private final JsonNode modelSchema = read("model.schema.json");

    private static JsonNode read(String schema) {
        try {
            return new ObjectMapper()
                    .readTree(TestRegistries.REAL_DATA.resolve("schema").resolve(schema).toFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private List<String> terms(String list) {
        return vocabulary.list(list).stream().map(Term::term).toList();
    }

    private List<String> schemaEnum(String pointer) {
        List<String> values = new ArrayList<>();
        modelSchema.at(pointer).forEach(v -> values.add(v.asText()));
        return values;
    }

    private static <E extends Enum<E>> List<String> javaTerms(
            E[] values, Function<E, String> term) {
        return Arrays.stream(values).map(term).toList();
    }

    @Test
    void gradesAgree() {
        assertEquals(terms("grades"), schemaEnum("/$defs/lineageLink/properties/grade/enum"));
        assertEquals(terms("grades"), javaTerms(Grade.values(), Grade::name));
    }

    @Test
    void relationsAgreeIncludingWhichAreDerivations() {
        assertEquals(terms("relations"), schemaEnum("/$defs/lineageLink/properties/relation/enum"));
        assertEquals(terms("relations"), javaTerms(Relation.values(), Relation::term));
        for (Term t : vocabulary.list("relations")) {
            assertEquals(t.derivation(), Relation.of(t.term()).derivesWeights(), t.term());
        }
    }

    @Test
    void claimKindsAgree() {
        assertEquals(terms("claim-kinds"), schemaEnum("/$defs/claim/properties/kind/enum"));
        assertEquals(terms("claim-kinds"), javaTerms(ClaimKind.values(), ClaimKind::term));
    }

    @Test
    void evidenceKindsAgree() {
        assertEquals(terms("evidence-kinds"), schemaEnum("/$defs/evidence/properties/kind/enum"));
    }

    @Test
    void verdictsAgree() {
        assertEquals(terms("verdicts"), javaTerms(Verdict.values(), Verdict::term));
    }
}
