package org.keizu.serve;

import java.util.List;

/**
 * What the server shows, shared between the thread that rebuilds and those that answer requests: a
 * counter that advances whenever what the site shows changed (the open pages poll it and reload),
 * and the problems of the latest build, if it had any (then every page is an error page).
 */
final class BuildState {
    /** One moment of the preview: the build number, and the problems to show (empty: the site). */
    record Shown(long build, List<String> problems) {
        boolean broken() {
            return !problems.isEmpty();
        }
    }

    private Shown shown = new Shown(0, List.of());
    private boolean closed;

    synchronized Shown shown() {
        return shown;
    }

    /**
     * Records a build's outcome; the counter advances if any file changed or the problems did, so
     * that saving a file without changing the site (an editor's backup file) reloads nothing.
     */
    synchronized void publish(boolean filesChanged, List<String> problems) {
        if (filesChanged || !problems.equals(shown.problems())) {
            shown = new Shown(shown.build() + 1, List.copyOf(problems));
            notifyAll();
        }
    }

    /**
     * Waits until the counter is no longer {@code seen}, at most {@code millis}, and returns it: a
     * page's long poll, answered as soon as a rebuild changes something.
     */
    synchronized long awaitOther(long seen, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        for (long left = millis; shown.build() == seen && !closed && left > 0; ) {
            wait(left);
            left = deadline - System.currentTimeMillis();
        }
        return shown.build();
    }

    /** Answers every waiting poll now, so that the server can stop without waiting for them. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
