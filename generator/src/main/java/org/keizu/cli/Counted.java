package org.keizu.cli;

/** "1 model", "78 models": counts in the commands' summary lines. */
final class Counted {
    private Counted() {}

    static String of(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
