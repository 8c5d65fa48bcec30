package org.keizu.serve;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.keizu.RegistryBuild;
import org.keizu.io.DaemonThreads;
import org.keizu.io.Folders;

/**
 * A running preview: the site built into its output folder, served on 127.0.0.1, rebuilt when a
 * file under the data or templates folder changes. {@link #start} returns once the first build is
 * served; {@link #close} stops the server and the watcher and, if the output folder was a fresh
 * temporary one, deletes it (nothing else).
 *
 * <pre>
 *   try (Preview preview = Preview.start(new Preview.Settings(options, out, true, 0), out, err)) {
 *       URI home = URI.create("http://127.0.0.1:" + preview.port() + "/");
 *   }
 * </pre>
 */
public final class Preview implements AutoCloseable {
    /**
     * What to preview: the inputs; the output folder, and whether the preview made it (then it is
     * deleted on close); the port (0: any free one).
     */
    public record Settings(
            RegistryBuild.Options options, Path outDir, boolean deleteOnClose, int port) {}

    /** The port is taken by another program (or another preview). */
    public static final class PortInUseException extends IOException {
        private static final long serialVersionUID = 1L;

        PortInUseException(int port, Throwable cause) {
            super("port " + port + " is in use; choose another with --port N", cause);
        }
    }

    private final Settings settings;
    private final HttpServer server;
    private final ExecutorService requests;
    private final FolderWatcher watcher;
    private final BuildState state = new BuildState();
    private final Thread rebuilds;
    private final OutputFolder folder;
    private boolean closed;

    private Preview(Settings settings, PrintWriter out, PrintWriter err) throws IOException {
        this.settings = settings;
        // Bind first: a taken port is reported at once, not after a build.
        try {
            server =
                    HttpServer.create(
                            new InetSocketAddress(
                                    InetAddress.getByName("127.0.0.1"), settings.port()),
                            0);
        } catch (BindException e) {
            throw new PortInUseException(settings.port(), e);
        }
        FolderWatcher watching = null;
        try {
            folder = new OutputFolder(settings.outDir());
            // Watch before the first build, so that a file saved during it is not missed.
            watching =
                    new FolderWatcher(
                            List.of(
                                    settings.options().dataDir(),
                                    settings.options().templateDir()));
            PreviewBuilder builder = new PreviewBuilder(settings.options(), folder, out, err);
            builder.rebuild(state, null, System.nanoTime());
            server.createContext("/", new PreviewHandler(folder.root(), state));
            rebuilds =
                    DaemonThreads.named("keizu-serve-rebuild")
                            .newThread(() -> rebuildOnChange(builder, err));
        } catch (IOException | RuntimeException e) {
            server.stop(0); // release the port
            if (watching != null) {
                watching.close();
            }
            throw e;
        }
        watcher = watching;
        // Each open page holds a request while it waits for a rebuild, so requests get threads of
        // their own; daemon threads, so that they never keep the program alive.
        requests = Executors.newCachedThreadPool(DaemonThreads.named("keizu-serve-request"));
        server.setExecutor(requests);
        server.start();
        rebuilds.start();
    }

    /** Builds the site, serves it and starts watching; the port is bound before the build. */
    public static Preview start(Settings settings, PrintWriter out, PrintWriter err)
            throws IOException {
        return new Preview(settings, out, err);
    }

    /** The port the preview listens on (the one chosen, when asked for 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** How many times what the site shows has changed: 1 after the first build. */
    public long builds() {
        return state.shown().build();
    }

    /** The folder the site is built into. */
    public Path outDir() {
        return settings.outDir();
    }

    private void rebuildOnChange(PreviewBuilder builder, PrintWriter err) {
        try {
            while (true) {
                var changed = watcher.awaitChange();
                if (changed.isEmpty()) {
                    return;
                }
                err.println("changed: " + changed.get().path() + "; rebuilding");
                err.flush();
                builder.rebuild(state, changed.get().path(), changed.get().seenAt());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops watching and serving (open polls are answered first) and deletes the output folder if
     * the preview made it. Safe to call twice, from a shutdown hook.
     */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        state.close();
        watcher.close();
        folder.close(); // a rebuild under way stops at its next file
        server.stop(0);
        requests.shutdownNow();
        try {
            rebuilds.join(10_000); // before the folder it writes is deleted
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (settings.deleteOnClose()) {
            Folders.deleteTree(settings.outDir());
        }
    }
}
