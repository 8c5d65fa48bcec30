package org.keizu.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.Locale;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.diagnostic.Position;

/**
 * Turns the exceptions Jackson throws while reading a record into findings with a place in the
 * file.
 *
 * <p>Jackson's messages name its own settings and internals; a contributor needs the registry's
 * limits and the line to fix, so each exception is reworded here.
 */
final class ParseErrorFindings {
    private ParseErrorFindings() {}

    /**
     * A parser limit, in the registry's words and at the place the parser stopped (Jackson's own
     * message names its settings, and its nesting limit is one more than the documented one).
     */
    static Finding limit(String displayPath, StreamConstraintsException e, JsonLocation loc) {
        Position where =
                loc == null || loc.getLineNr() < 1
                        ? Position.WHOLE_FILE
                        : new Position(loc.getLineNr(), Math.max(1, loc.getColumnNr()));
        String original = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
        if (original.contains("nesting")) {
            return Finding.error(
                    displayPath,
                    where,
                    Check.LOAD_008,
                    "nested deeper than " + RecordMapper.MAX_DEPTH + " levels");
        }
        String what =
                original.contains("number")
                        ? "a number longer than " + RecordMapper.MAX_NUMBER_DIGITS + " digits"
                        : original.contains("name")
                                ? "a field name longer than "
                                        + RecordMapper.MAX_NAME_CHARS
                                        + " characters"
                                : original.contains("string")
                                        ? "a text longer than "
                                                + RecordMapper.MAX_STRING_CHARS
                                                + " characters"
                                        : "more than "
                                                + RecordMapper.MAX_FILE_BYTES / 1024
                                                + " KiB";
        return Finding.error(
                displayPath,
                where,
                Check.LOAD_007,
                "the file holds " + what + ", more than a record may");
    }

    /** A syntax error where Jackson reports it, its message folded onto one line. */
    static Finding syntax(String displayPath, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        Position where =
                loc == null
                        ? Position.WHOLE_FILE
                        : new Position(loc.getLineNr(), loc.getColumnNr());
        return Finding.error(
                displayPath,
                where,
                Check.LOAD_002,
                "syntax: " + YamlHazardScan.oneLine(e.getOriginalMessage()));
    }
}
