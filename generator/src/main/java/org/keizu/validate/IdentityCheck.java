package org.keizu.validate;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.diagnostic.Position;
import org.keizu.load.Loaded;
import org.keizu.load.ParsedRecord;
import org.keizu.load.RecordKind;
import org.keizu.model.Model;
import org.keizu.registry.Registry;

/**
 * Ids: well-formed, equal to the file name, unique within their kind. Ids become URL paths ({@code
 * /models/<id>/}), so the pattern and the reserved names keep every output path safe.
 */
public final class IdentityCheck implements RegistryCheck {
    /**
     * Lower-case letters and digits, '-' and single dots between them, as in {@code
     * rakuten-ai-3.0}.
     */
    public static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]|\\.(?=[a-z0-9])){0,63}");

    private static final Set<String> RESERVED =
            Set.of(
                    "index",
                    "404",
                    "feed",
                    "atom",
                    "rss",
                    "search",
                    "search-index",
                    "assets",
                    "static",
                    "sitemap",
                    "robots",
                    "api",
                    "models",
                    "orgs",
                    "data",
                    "bases",
                    "countries",
                    "organisations",
                    "programmes",
                    "con",
                    "prn",
                    "aux",
                    "nul");
    private static final Pattern RESERVED_FORMS =
            Pattern.compile("(com|lpt)[1-9]|.*\\.(html?|json|xml|atom|csv|txt)");

    @Override
    public void check(Registry registry, Consumer<Finding> out) {
        checkKind(registry.parsed(RecordKind.MODEL), out);
        checkFormerIds(registry.models(), out);
        checkKind(registry.parsed(RecordKind.ORGANISATION), out);
        checkKind(registry.parsed(RecordKind.PROGRAMME), out);
    }

    private static void checkKind(List<ParsedRecord> records, Consumer<Finding> out) {
        Map<String, ParsedRecord> seen = new HashMap<>();
        // Each position is looked up only when a finding needs it: a loaded record's positions
        // are read again from its file when first asked for (PositionIndex.release).
        for (ParsedRecord loaded : records) {
            ParsedRecord parsed = loaded;
            String id = parsed.idOrNull();
            if (id == null) {
                continue; // the schema has reported it
            }
            problem(id)
                    .ifPresent(
                            problem ->
                                    out.accept(
                                            Finding.error(
                                                    loaded.displayPath(),
                                                    loaded.at("/id"),
                                                    Check.ID_002,
                                                    "id \"" + id + "\" " + problem)));
            if (!id.equals(parsed.fileStem())) {
                out.accept(
                        Finding.error(
                                loaded.displayPath(),
                                loaded.at("/id"),
                                Check.ID_001,
                                "id \""
                                        + id
                                        + "\" differs from the file name \""
                                        + parsed.fileStem()
                                        + "\"; rename one of them"));
            }
            ParsedRecord earlier = seen.putIfAbsent(id.toLowerCase(Locale.ROOT), parsed);
            if (earlier != null) {
                out.accept(
                        Finding.error(
                                loaded.displayPath(),
                                loaded.at("/id"),
                                Check.ID_003,
                                "id \"" + id + "\" is already used by " + earlier.displayPath()));
            }
        }
    }

    /**
     * A renamed record keeps its old ids so that their addresses redirect to it; an old address can
     * lead to one record only, and never away from a record that holds the id now.
     */
    private static void checkFormerIds(List<Loaded<Model>> models, Consumer<Finding> out) {
        Map<String, String> current = new HashMap<>();
        for (Loaded<Model> loaded : models) {
            current.putIfAbsent(loaded.record().id().toLowerCase(Locale.ROOT), loaded.file());
        }
        Map<String, String> former = new HashMap<>();
        for (Loaded<Model> loaded : models) {
            List<String> ids = loaded.record().formerIds();
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                String key = id.toLowerCase(Locale.ROOT);
                Position at = loaded.at("/former_ids/" + i);
                if (!validId(id)) {
                    out.accept(
                            Finding.error(
                                    loaded.file(),
                                    at,
                                    Check.ID_002,
                                    "former id \"" + id + "\" is a reserved name"));
                } else if (current.containsKey(key)) {
                    out.accept(
                            Finding.error(
                                    loaded.file(),
                                    at,
                                    Check.ID_004,
                                    "former id \""
                                            + id
                                            + "\" is the id of "
                                            + current.get(key)
                                            + "; an address cannot both redirect and be a record"));
                } else {
                    String earlier = former.putIfAbsent(key, loaded.file());
                    if (earlier != null && !earlier.equals(loaded.file())) {
                        out.accept(
                                Finding.error(
                                        loaded.file(),
                                        at,
                                        Check.ID_004,
                                        "former id \""
                                                + id
                                                + "\" is already listed by "
                                                + earlier
                                                + "; an old address can redirect to one record"
                                                + " only"));
                    }
                }
            }
        }
    }

    public static boolean validId(String id) {
        return problem(id).isEmpty();
    }

    /**
     * What keeps {@code id} from being an id, in words that follow it ({@code "is a reserved
     * name"}), or empty when it is a valid id. The one rule for {@code validate} and {@code keizu
     * new}.
     */
    public static Optional<String> problem(String id) {
        if (!ID.matcher(id).matches()) {
            return Optional.of(
                    "must be lower-case letters, digits, '-' and single '.' between them, at most 64"
                            + " characters");
        }
        if (RESERVED.contains(id) || RESERVED_FORMS.matcher(id).matches()) {
            return Optional.of("is a reserved name");
        }
        return Optional.empty();
    }
}
