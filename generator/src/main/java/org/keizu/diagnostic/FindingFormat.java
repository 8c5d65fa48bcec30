package org.keizu.diagnostic;

/**
 * How findings are printed: for people and editors ({@code file:line:column: error [CODE name]
 * message}, or {@code file: error ...} for a finding about the whole file, as compilers print it),
 * or as GitHub workflow annotations.
 */
public enum FindingFormat {
    TEXT,
    GITHUB;

    public String format(Finding f) {
        return switch (this) {
            case TEXT ->
                    printable(f.file())
                            + (f.line() > 0 ? ":" + f.line() + ":" + Math.max(1, f.column()) : "")
                            + ": "
                            + f.severity().label()
                            + " ["
                            + f.check().code()
                            + " "
                            + f.check().kebabName()
                            + "] "
                            + printable(f.message());
            case GITHUB ->
                    "::"
                            + f.severity().label()
                            + " file="
                            + property(printable(f.file()))
                            + (f.line() > 0
                                    ? ",line=" + f.line() + ",col=" + Math.max(1, f.column())
                                    : "")
                            + ",title="
                            + property(f.check().code() + " " + f.check().kebabName())
                            + "::"
                            + data(printable(f.message()));
        };
    }

    /**
     * Shows invisible and control characters as escapes, so that a finding about a bidi override
     * does not itself reorder the terminal line it is printed on.
     */
    public static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints()
                .forEach(
                        cp -> {
                            int type = Character.getType(cp);
                            if (type == Character.CONTROL
                                    || type == Character.FORMAT
                                    || type == Character.LINE_SEPARATOR
                                    || type == Character.PARAGRAPH_SEPARATOR
                                    || type == Character.UNASSIGNED
                                    || type == Character.PRIVATE_USE
                                    || type == Character.SURROGATE) {
                                out.append(String.format("\\u%04X", cp));
                            } else {
                                out.appendCodePoint(cp);
                            }
                        });
        return out.toString();
    }

    // Escapes from GitHub's toolkit (command.ts): data escapes %, CR, LF; properties also : and ,
    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
