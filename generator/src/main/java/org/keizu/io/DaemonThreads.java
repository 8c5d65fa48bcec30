package org.keizu.io;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
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

    /** {@code work} begun on a daemon thread named {@code name}; {@link #result} waits for it. */
    public static <T> Future<T> begin(String name, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        named(name).newThread(task).start();
        return task;
    }

    /** What {@code task} gave, once it has; its failure thrown again as it was. */
    public static <T> T result(Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another thread", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
