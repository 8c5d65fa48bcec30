package org.keizu.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The controlled vocabularies of {@code data/vocab/}, by file name without extension ({@code
 * grades}).
 */
public record Vocabulary(Map<String, List<Term>> lists) {
    public Vocabulary {
        lists = Map.copyOf(lists);
    }

    public List<Term> list(String name) {
        List<Term> terms = lists.get(name);
        if (terms == null) {
            throw new IllegalStateException("vocabulary data/vocab/" + name + ".yaml is missing");
        }
        return terms;
    }

    public Optional<Term> find(String list, String term) {
        return list(list).stream().filter(t -> t.term().equals(term)).findFirst();
    }

    /** The label of a term, or the term itself when the vocabulary lacks it. */
    public String label(String list, String term) {
        return find(list, term).map(Term::label).orElse(term);
    }
}
