package org.keizu.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Progress lines for long commands ({@code fetch --all}, a large build): shown to a person at a
 * terminal, kept out of CI logs and pipes, where only the findings and the last line count.
 */
final class Progress {
    private Progress() {}

    static Consumer<String> to(PrintWriter err) {
        if (!interactive()) {
            return line -> {};
        }
        return line -> {
            err.println(line);
            err.flush();
        };
    }

    /** A terminal, outside CI (which sets CI=true on GitHub Actions and most other services). */
    static boolean interactive() {
        return System.console() != null && System.getenv("CI") == null;
    }
}
