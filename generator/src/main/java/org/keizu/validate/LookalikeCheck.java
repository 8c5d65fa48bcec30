package org.keizu.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.ibm.icu.text.SpoofChecker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.keizu.diagnostic.Check;
import org.keizu.diagnostic.Finding;
import org.keizu.load.Loaded;
import org.keizu.registry.Registry;

/**
 * Names that readers could take for one another (Unicode UTS #39, through ICU's SpoofChecker): a
 * word of a name or alias that mixes scripts the way no real name does (Latin with Cyrillic
 * look-alikes, "Еxample"), and two records whose names, aliases or ids look the same but are
 * different strings. Native names are free to use their own script; Japanese, Chinese and Korean
 * mixed with Latin ("楽天AI") is ordinary and allowed.
 */
public final class LookalikeCheck implements RegistryCheck {
    private final SpoofChecker mixedScripts =
            new SpoofChecker.Builder()
                    .setChecks(SpoofChecker.RESTRICTION_LEVEL)
                    .setRestrictionLevel(SpoofChecker.RestrictionLevel.HIGHLY_RESTRICTIVE)
                    .build();
    private final SpoofChecker skeletons =
            new SpoofChecker.Builder().setChecks(SpoofChecker.CONFUSABLE).build();

    /** One name as a reader sees it, with where it stands. */
    private record Name(String text, Loaded<?> record, String pointer, boolean nativeScript) {}

    @Override
    public void check(Registry registry, Consumer<Finding> out) {
        List<Name> names = new ArrayList<>();
        registry.models().forEach(r -> collect(r, names));
        registry.organisations().forEach(r -> collect(r, names));
        registry.programmes().forEach(r -> collect(r, names));
        Map<String, Name> bySkeleton = new HashMap<>();
        for (Name name : names) {
            if (!name.nativeScript()) {
                for (String word : name.text().split("[\\s\\p{Z}]+")) {
                    if (!word.isEmpty() && mixedScripts.failsChecks(word)) {
                        out.accept(
                                Finding.error(
                                        name.record().file(),
                                        name.record().at(name.pointer()),
                                        Check.VAL_007,
                                        "\""
                                                + word
                                                + "\" mixes letters of different scripts that look alike; write it in one script"
                                                + " (a name in its own script belongs in native_name)"));
                    }
                }
            }
            String skeleton = skeletons.getSkeleton(name.text().toLowerCase(java.util.Locale.ROOT));
            Name earlier = bySkeleton.putIfAbsent(skeleton, name);
            if (earlier != null
                    && earlier.record() != name.record()
                    && !earlier.text().equalsIgnoreCase(name.text())) {
                // Report the impostor: the name that leaves plain ASCII, else the one met later.
                boolean earlierIsOdd = !plain(earlier.text()) && plain(name.text());
                Name odd = earlierIsOdd ? earlier : name;
                Name genuine = earlierIsOdd ? name : earlier;
                out.accept(
                        Finding.error(
                                odd.record().file(),
                                odd.record().at(odd.pointer()),
                                Check.VAL_007,
                                "\""
                                        + odd.text()
                                        + "\" looks like \""
                                        + genuine.text()
                                        + "\" of "
                                        + genuine.record().file()
                                        + " but is a different string; readers would take one for the other"));
            }
        }
    }

    private static boolean plain(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }

    private static void collect(Loaded<?> record, List<Name> names) {
        JsonNode tree = record.source().tree();
        add(record, tree, "/id", false, names);
        add(record, tree, "/name", false, names);
        add(record, tree, "/native_name", true, names);
        JsonNode aliases = tree.path("aliases");
        for (int i = 0; i < aliases.size(); i++) {
            add(record, tree, "/aliases/" + i, false, names);
        }
    }

    private static void add(
            Loaded<?> record,
            JsonNode tree,
            String pointer,
            boolean nativeScript,
            List<Name> names) {
        JsonNode value = tree.at(pointer);
        if (value.isTextual() && !value.asText().isBlank()) {
            names.add(new Name(value.asText(), record, pointer, nativeScript));
        }
    }
}
