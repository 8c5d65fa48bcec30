package org.keizu.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.keizu.RegistryBuild;
import org.keizu.diagnostic.FindingFormat;
import org.keizu.diagnostic.Findings;
import org.keizu.lineage.Comparison;
import org.keizu.lineage.DetectionIndex;
import org.keizu.lineage.LineageDetector;
import org.keizu.load.RecordKind;
import org.keizu.load.RecordMapper;
import org.keizu.load.RecordParser;
import org.keizu.render.MessageKeys;
import org.keizu.render.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code keizu detect CONFIG}: compares any config.json, in the registry or not, with every base
 * whose snapshot the registry holds, and prints the ranked candidates.
 */
@Command(
        name = "detect",
        mixinStandardHelpOptions = true,
        description =
                "Compare a config.json with every base in the registry and rank the candidates.")
final class DetectCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Parameters(paramLabel = "CONFIG", description = "A model's config.json.")
    Path config;

    @Option(names = "--json", description = "Print the candidates as JSON.")
    boolean json;

    @Option(
            names = "--top",
            defaultValue = "5",
            description = "How many candidates to print in text form (default: ${DEFAULT-VALUE}).")
    int top;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(config)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no file at " + config);
        }
        RecordMapper mappers = new RecordMapper();
        RecordParser.ParseResult parsed =
                new RecordParser(mappers)
                        .parse(
                                RecordKind.SNAPSHOT,
                                config,
                                config.toString(),
                                Files.readAllBytes(config));
        Findings findings = new Findings();
        findings.addAll(parsed.findings());
        if (parsed.record().isEmpty()) {
            return ValidateCommand.report(findings, FindingFormat.TEXT, out, err);
        }
        var options = common.options(spec.commandLine());
        Findings loading = new Findings();
        DetectionIndex detection = new RegistryBuild(options).detection(loading);
        findings.addAll(loading.sorted());
        Messages messages = new Messages(Messages.bundle(options.templateDir()));
        LineageDetector.Subject subject =
                detection.outsider(config.toString(), parsed.record().get().tree());
        List<Comparison> candidates = detection.candidates(subject);
        if (json) {
            out.println(
                    RecordMapper.publishedJson().writeValueAsString(asJson(candidates, messages)));
        } else {
            printText(candidates, messages, out);
        }
        if (findings.hasErrors()) {
            err.println(
                    "note: the registry has "
                            + Counted.of(findings.errorCount(), "error")
                            + "; run keizu validate");
        }
        err.println(
                "compared "
                        + FindingFormat.printable(config.toString())
                        + " with "
                        + Counted.of(candidates.size(), "base")
                        + " that have snapshots"
                        + (candidates.isEmpty()
                                ? ""
                                : "; closest: "
                                        + candidates.get(0).base()
                                        + " at "
                                        + candidates.get(0).grade()));
        return 0;
    }

    static JsonNode asJson(List<Comparison> candidates, Messages messages) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ArrayNode list = root.putArray("candidates");
        for (Comparison c : candidates) {
            ObjectNode item = list.addObject();
            item.put("base", c.base());
            item.put("grade", c.grade().name());
            item.put("relation", c.finding());
            item.put("same_class", c.sameClass());
            if (!c.alsoFits().isEmpty()) {
                ArrayNode also = item.putArray("fits_equally");
                c.alsoFits().forEach(also::add);
            }
            ArrayNode equal = item.putArray("equal");
            c.equal().forEach(equal::add);
            ArrayNode different = item.putArray("different");
            for (Comparison.FieldDifference d : c.different()) {
                ObjectNode diff = different.addObject();
                diff.put("field", d.field());
                diff.put("tier", d.tier().name());
                diff.set("this", d.thisValue() == null ? f.nullNode() : d.thisValue());
                diff.set("base", d.baseValue() == null ? f.nullNode() : d.baseValue());
            }
            if (!c.corroboration().isEmpty()) {
                ArrayNode also = item.putArray("corroboration");
                c.corroboration().stream().map(messages::format).forEach(also::add);
            }
            if (!c.notes().isEmpty()) {
                ArrayNode notes = item.putArray("notes");
                c.notes().stream().map(messages::format).forEach(notes::add);
            }
        }
        return root;
    }

    private void printText(List<Comparison> candidates, Messages messages, PrintWriter out) {
        if (candidates.isEmpty()) {
            out.println("no bases with snapshots in the registry");
            return;
        }
        for (Comparison c : candidates.subList(0, Math.min(top, candidates.size()))) {
            print(out, c.grade() + "  " + c.base() + "  " + c.finding());
            print(
                    out,
                    "    "
                            + messages.format(
                                    MessageKeys.finding(c.finding()),
                                    String.join(", ", c.alsoFits())));
            if (!c.corroboration().isEmpty()) {
                print(
                        out,
                        "    "
                                + messages.format("also_matching")
                                + " "
                                + c.corroboration().stream()
                                        .map(messages::format)
                                        .collect(java.util.stream.Collectors.joining("; ")));
            }
            for (org.keizu.lineage.Phrase note : c.notes()) {
                print(out, "    " + messages.format(note));
            }
            print(out, "    equal (" + c.equal().size() + "): " + String.join(", ", c.equal()));
            print(out, "    different (" + c.different().size() + "):");
            for (Comparison.FieldDifference d : c.different()) {
                print(
                        out,
                        "      "
                                + d.tier()
                                + " "
                                + d.field()
                                + ": "
                                + d.thisText()
                                + " vs "
                                + d.baseText());
            }
        }
    }

    /**
     * Config values come from strangers' files: printed with control and bidi characters escaped.
     */
    private static void print(PrintWriter out, String line) {
        out.println(org.keizu.diagnostic.FindingFormat.printable(line));
    }
}
