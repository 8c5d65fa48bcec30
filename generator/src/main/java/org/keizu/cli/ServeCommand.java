package org.keizu.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.keizu.RegistryBuild;
import org.keizu.serve.Preview;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code keizu serve}: a live preview on 127.0.0.1 that rebuilds when data or templates change and
 * reloads the open page. Runs until Ctrl-C.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description =
                "Build the site, serve it on 127.0.0.1 and rebuild it whenever a file under the"
                        + " data or templates folder changes; the open page reloads itself."
                        + " Ctrl-C stops it.")
final class ServeCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(
            names = "--port",
            defaultValue = "8000",
            paramLabel = "N",
            description = "The port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description =
                    "The folder to build into: new, empty, or a site Keizu wrote (default: a fresh"
                            + " temporary folder, deleted on exit).")
    Path outDir;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--port is a number from 0 to 65535");
        }
        RegistryBuild.Options options = common.options(spec.commandLine());
        if (outDir != null
                && (inside(outDir, options.dataDir()) || inside(outDir, options.templateDir()))) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--out must be outside the data and templates folders, which serve only reads");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean temporary = outDir == null;
        Path folder = temporary ? Files.createTempDirectory("keizu-serve-") : outDir;
        Preview preview;
        try {
            preview =
                    Preview.start(new Preview.Settings(options, folder, temporary, port), out, err);
        } catch (IOException | RuntimeException e) {
            if (temporary) {
                org.keizu.io.Folders.deleteTree(folder);
            }
            throw e; // Main prints "keizu: " and the message, and exits 1
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    try {
                                        preview.close();
                                    } catch (IOException e) {
                                        err.println("keizu: " + e.getMessage());
                                    }
                                    err.println("stopped");
                                    err.flush();
                                    stopped.countDown();
                                },
                                "keizu-serve-stop"));
        err.println("preview files in " + folder + (temporary ? " (deleted on exit)" : ""));
        out.println(
                "serving http://127.0.0.1:"
                        + preview.port()
                        + "/ (watching "
                        + slash(options.dataDir())
                        + " and "
                        + slash(options.templateDir())
                        + "; Ctrl-C to stop)");
        out.flush();
        err.flush();
        stopped.await();
        return 0;
    }

    /** Whether {@code path} is {@code folder} or lies under it. */
    private static boolean inside(Path path, Path folder) {
        return path.toAbsolutePath().normalize().startsWith(folder.toAbsolutePath().normalize());
    }

    private static String slash(Path folder) {
        String name = folder.toString();
        return name.endsWith("/") ? name : name + "/";
    }
}
