package org.keizu.validate;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.diagnostic.Position;
import org.keizu.load.Loaded;
import org.keizu.load.ParsedRecord;
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
        checkKind(registry.models(), out);
        checkKind(registry.organisations(), out);
        checkKind(registry.programmes(), out);
    }

    private static <T> void checkKind(List<Loaded<T>> records, Consumer<Finding> out) {
        Map<String, ParsedRecord> seen = new HashMap<>();
        for (Loaded<T> loaded : records) {
            ParsedRecord parsed = loaded.source();
            String id = parsed.idOrNull();
            Position at = loaded.at("/id");
            if (id == null) {
                continue; // the schema has reported it
            }
            if (!validId(id)) {
                out.accept(
                        Finding.error(
                                loaded.file(),
                                at,
                                Check.ID_002,
                                "id \""
                                        + id
                                        + "\" "
                                        + (ID.matcher(id).matches()
                                                ? "is a reserved name"
                                                : "must be lower-case letters, digits, '-' and single '.' between them, at most 64 characters")));
            }
            if (!id.equals(parsed.fileStem())) {
                out.accept(
                        Finding.error(
                                loaded.file(),
                                at,
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
                                loaded.file(),
                                at,
                                Check.ID_003,
                                "id \"" + id + "\" is already used by " + earlier.displayPath()));
            }
        }
    }

    public static boolean validId(String id) {
        return ID.matcher(id).matches()
                && !RESERVED.contains(id)
                && !RESERVED_FORMS.matcher(id).matches();
    }
}
