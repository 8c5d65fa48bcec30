package org.keizu.io;

import java.util.concurrent.ThreadFactory;

/**
 * Threads that never keep the JVM alive: a build or a command that fails returns at once, without
 * waiting for a writer, an indexer or a watchdog to notice.
 */
public final class DaemonThreads {
    private DaemonThreads() {}

    /** Daemon threads named {@code name}, as thread dumps and profiles show them. */
    public static ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
