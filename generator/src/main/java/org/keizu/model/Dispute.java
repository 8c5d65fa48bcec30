package org.keizu.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * A published allegation about a model's origin, with the replies to it: both sides, with dates.
 */
public record Dispute(
        String base,
        String allegation,
        String raisedBy,
        String date,
        Status status,
        Passage passage,
        String source,
        List<Statement> replies,
        String uncertain) {
    public Dispute {
        replies = Lists.copy(replies);
    }

    /** Where the allegation stands. */
    public enum Status {
        OPEN("open"),
        REBUTTED("rebutted"),
        WITHDRAWN("withdrawn"),
        UPHELD("upheld");

        private final String term;

        Status(String term) {
            this.term = term;
        }

        @JsonValue
        public String term() {
            return term;
        }

        @JsonCreator
        public static Status of(String term) {
            return Terms.find(values(), Status::term, term);
        }
    }
}
