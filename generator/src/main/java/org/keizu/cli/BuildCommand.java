package org.keizu.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.keizu.RegistryBuild;
import org.keizu.diagnostic.FindingFormat;
import org.keizu.render.RepositoryLinks;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code keizu build}: validates, then renders the site and swaps it in; on any error the old site
 * stays.
 */
@Command(
        name = "build",
        mixinStandardHelpOptions = true,
        description =
                "Validate the registry and build the website. On any error nothing is written.")
final class BuildCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(
            names = "--out",
            defaultValue = "site",
            description = "The output folder (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(
            names = "--base-url",
            defaultValue = "/",
            description =
                    "The path the site is served under, e.g. /keizu/ for GitHub Pages (default: ${DEFAULT-VALUE}).")
    String baseUrl;

    @Option(
            names = "--origin",
            defaultValue = "",
            description =
                    "The site's origin, e.g. https://user.github.io, for absolute URLs in sitemap.xml.")
    String origin;

    @Option(
            names = "--repo-url",
            defaultValue = "",
            paramLabel = "URL",
            description =
                    "The registry's repository, https://github.com/<owner>/<repo>: every page then links to a pre-filled issue to suggest a correction, and every evidence page to a makers' reply and to its record's file. Without it, no such links.")
    String repoUrl;

    @Option(
            names = "--no-search",
            description = "Skip the search index; the search page then finds nothing.")
    boolean noSearch;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        try {
            RegistryBuild.normaliseBaseUrl(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!origin.isEmpty() && !origin.matches("https://[A-Za-z0-9.-]+(:[0-9]+)?")) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--origin is https://host, without a path");
        }
        try {
            RepositoryLinks.optional(repoUrl);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        RegistryBuild.Result result =
                new RegistryBuild(common.options(spec.commandLine()))
                        .build(
                                new RegistryBuild.Output(
                                        outDir, baseUrl, origin, !noSearch, repoUrl.strip()),
                                Progress.to(spec.commandLine().getErr()));
        int code =
                ValidateCommand.report(
                        result.findings(),
                        FindingFormat.TEXT,
                        spec.commandLine().getOut(),
                        spec.commandLine().getErr());
        if (code != 0) {
            spec.commandLine().getErr().println("build stopped: " + outDir + " was left as it was");
            return code;
        }
        spec.commandLine()
                .getErr()
                .println("wrote " + result.files().size() + " files to " + outDir);
        return 0;
    }
}
