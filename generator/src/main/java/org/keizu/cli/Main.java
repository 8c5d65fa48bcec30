package org.keizu.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code keizu} command line. {@link #run} takes its streams as parameters so that tests call
 * it without a process; only {@link #main} exits. Exit codes: 0 success, 1 findings or failure, 2
 * usage error.
 *
 * <pre>
 *   java -jar generator/target/keizu.jar validate
 *   java -jar generator/target/keizu.jar build --base-url /keizu/
 * </pre>
 */
@Command(
        name = "keizu",
        mixinStandardHelpOptions = true,
        version = "keizu 0.1.0",
        description = "Validate the Keizu registry and build its website.")
public final class Main implements Runnable {
    /** The commands, in the order help lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("validate", ValidateCommand::new);
        commands.put("build", BuildCommand::new);
        commands.put("detect", DetectCommand::new);
        commands.put("fetch", FetchCommand::new);
        commands.put("compare", CompareCommand::new);
        commands.put("new", NewCommand::new);
        commands.put("serve", ServeCommand::new);
        commands.put("help", CommandLine.HelpCommand::new);
        return commands;
    }

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Out of memory, any thread may be the one to fail: the JDK's own (Java2D's disposer) print
        // a stack trace by default. Keizu's threads hand their failures to the main thread, which
        // says what to do below; one line, never a trace.
        Thread.setDefaultUncaughtExceptionHandler(
                (thread, failure) -> {
                    if (!(failure instanceof OutOfMemoryError)) {
                        // As the JDK prints it when no handler is set.
                        System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                        failure.printStackTrace(System.err);
                    }
                });
        int code;
        try {
            code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        } catch (OutOfMemoryError e) {
            // scripts/keizu bounds the build's heap; a registry larger than that bound was measured
            // for needs a larger one, and the contributor needs to be told how to give it.
            System.err.println(
                    "keizu: out of memory in a heap of "
                            + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                            + " MB; give it more, e.g. KEIZU_HEAP=2g scripts/keizu ..."
                            + " or java -Xmx2g -jar generator/target/keizu.jar ...");
            code = 1;
        }
        System.exit(code);
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        // picocli reads every command's options by reflection when it is added, a tenth of what
        // a quick command like detect costs: a named command is the only one a run needs. help,
        // and a run that names no command, list them all.
        Supplier<Object> named = args.length == 0 ? null : COMMANDS.get(args[0]);
        if (named != null && !args[0].equals("help")) {
            cli.addSubcommand(args[0], named.get());
        } else {
            COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(
                (e, line, parsed) -> {
                    err.println("keizu: " + e.getMessage());
                    return 1;
                });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "name a command: validate, build, serve, new, detect, fetch or compare");
    }
}
