package org.keizu.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.load.ParsedRecord;
import org.keizu.load.RecordKind;
import org.keizu.load.RecordMapper;
import org.keizu.model.Countries;
import org.keizu.model.PartialDate;
import org.keizu.model.TextPolicy;
import org.keizu.model.UrlPolicy;
import org.keizu.registry.Registry;

/**
 * Values that the schema can only describe: real dates, https URLs, ISO 3166 countries, SPDX
 * licences, and text free of control, bidi and invisible characters. Fields are recognised by name,
 * the same names in every record kind.
 */
public final class ValueCheck implements RegistryCheck {
    static final Set<String> DATE_FIELDS =
            Set.of("date", "released", "reviewed", "published", "accessed", "met_on", "started");
    static final Set<String> URL_FIELDS = Set.of("url", "archived", "website");

    /** Prose that may run over lines; everything else is one line. */
    static final Set<String> MULTILINE_FIELDS =
            Set.of("quote", "translation", "text", "summary", "allegation");

    private static final Pattern LICENCE_REF = Pattern.compile("LicenseRef-[A-Za-z0-9.-]+");

    private final Set<String> spdxIds;

    /**
     * @param spdxIds the SPDX licence list (generator resource {@code spdx-licence-ids.json})
     */
    public ValueCheck(Set<String> spdxIds) {
        this.spdxIds = Set.copyOf(spdxIds);
    }

    /**
     * The SPDX licence ids bundled with the generator: the list of the npm package {@code
     * spdx-license-ids} 3.0.24 (CC0-1.0), so that validation reads no network.
     */
    public static Set<String> bundledSpdxIds() {
        try (InputStream in = ValueCheck.class.getResourceAsStream("spdx-licence-ids.json")) {
            if (in == null) {
                throw new IllegalStateException(
                        "spdx-licence-ids.json missing from the generator's resources");
            }
            Set<String> ids = new HashSet<>();
            RecordMapper.plainJson().readTree(in).forEach(id -> ids.add(id.asText()));
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void check(Registry registry, Consumer<Finding> out) {
        registry.parsed(RecordKind.MODEL).forEach(r -> checkRecord(r, out));
        registry.parsed(RecordKind.ORGANISATION).forEach(r -> checkRecord(r, out));
        registry.parsed(RecordKind.PROGRAMME).forEach(r -> checkRecord(r, out));
    }

    private void checkRecord(ParsedRecord loaded, Consumer<Finding> out) {
        TreeWalk.texts(
                loaded.tree(),
                (location, field, text) -> {
                    if (DATE_FIELDS.contains(field) && PartialDate.parse(text).isEmpty()) {
                        out.accept(
                                Finding.error(
                                        loaded.displayPath(),
                                        loaded.at(location.pointer()),
                                        Check.VAL_003,
                                        "\""
                                                + text
                                                + "\" is not a real date; write a date as YYYY-MM-DD, or YYYY-MM or YYYY when the sources give no day"));
                    }
                    if (URL_FIELDS.contains(field)) {
                        UrlPolicy.problem(text)
                                .ifPresent(
                                        problem ->
                                                out.accept(
                                                        Finding.error(
                                                                loaded.displayPath(),
                                                                loaded.at(location.pointer()),
                                                                Check.VAL_005,
                                                                "URL \"" + text + "\" "
                                                                        + problem)));
                    }
                    if (field.equals("country") && !Countries.isKnown(text)) {
                        out.accept(
                                Finding.error(
                                        loaded.displayPath(),
                                        loaded.at(location.pointer()),
                                        Check.VAL_001,
                                        "country \""
                                                + text
                                                + "\" is not an ISO 3166-1 alpha-2 code (JP, KR, US ...)"));
                    }
                    if (field.equals("declared")
                            && location.pointer().equals("/licence/declared")
                            && !spdxIds.contains(text)
                            && !LICENCE_REF.matcher(text).matches()) {
                        out.accept(
                                Finding.error(
                                        loaded.displayPath(),
                                        loaded.at(location.pointer()),
                                        Check.VAL_002,
                                        "licence \""
                                                + text
                                                + "\" is not an SPDX id; use LicenseRef-<name> for a licence SPDX does not list"));
                    }
                    invisibleCharacter(text, MULTILINE_FIELDS.contains(field))
                            .ifPresent(
                                    problem ->
                                            out.accept(
                                                    Finding.error(
                                                            loaded.displayPath(),
                                                            loaded.at(location.pointer()),
                                                            Check.VAL_006,
                                                            problem)));
                });
    }

    /** The first character {@link TextPolicy} refuses in a field, with its position. */
    static Optional<String> invisibleCharacter(String text, boolean multiline) {
        // Walked in place rather than copied into an array of code points: every text of every
        // record passes here.
        int position = 0;
        for (int at = 0; at < text.length(); ) {
            char c = text.charAt(at);
            if (c >= 0x20 && c < 0x7F) { // printable ASCII, most of every record: never hidden
                at++;
                position++;
                continue;
            }
            int cp = text.codePointAt(at);
            at += Character.charCount(cp);
            position++;
            if (TextPolicy.hidden(cp, multiline)) {
                return Optional.of(
                        String.format(
                                "character U+%04X at position %d is %s; remove it",
                                cp,
                                position,
                                cp == '\n' || cp == '\r'
                                        ? "a line break in one-line text"
                                        : "invisible or a control character"));
            }
        }
        return Optional.empty();
    }
}
