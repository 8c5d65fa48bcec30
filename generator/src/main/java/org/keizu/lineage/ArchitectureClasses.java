package org.keizu.lineage;

import java.util.Map;
import java.util.TreeMap;
import org.keizu.model.Term;
import org.keizu.model.Vocabulary;

/**
 * Which architecture classes the detector compares as another ({@code
 * data/vocab/architectures.yaml}): a vision-language wrapper as its language model's class, a class
 * with Llama's weight layout as Llama. A table in the data, not code, so maintainers extend it with
 * a source.
 */
public final class ArchitectureClasses {
    /** No table: every class compares as itself. */
    public static final ArchitectureClasses NONE = new ArchitectureClasses(Map.of());

    private final Map<String, String> comparesAs;

    private ArchitectureClasses(Map<String, String> comparesAs) {
        this.comparesAs = Map.copyOf(comparesAs);
    }

    /** The table in the vocabulary's list {@code architectures}; none when there is no list. */
    public static ArchitectureClasses from(Vocabulary vocabulary) {
        Map<String, String> table = new TreeMap<>();
        if (vocabulary.lists().containsKey("architectures")) {
            for (Term t : vocabulary.list("architectures")) {
                if (t.comparesAs() != null) {
                    table.put(t.term(), t.comparesAs());
                }
            }
        }
        return new ArchitectureClasses(table);
    }

    /** The class {@code cls} is compared as: the table's entry, else itself. */
    public String comparedAs(String cls) {
        return comparesAs.getOrDefault(cls, cls);
    }

    /** Whether the class is a wrapper or a layout named in the table. */
    public boolean listed(String cls) {
        return comparesAs.containsKey(cls);
    }
}
