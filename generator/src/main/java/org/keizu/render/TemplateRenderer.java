package org.keizu.render;

import freemarker.cache.FileTemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Renders view records through the Freemarker templates in {@code templates/}. HTML escaping is
 * always on ({@code .ftlh}, and HTML output for any other name); templates cannot instantiate
 * classes or reach the Java API. Templates are trusted code; the data they print is not.
 *
 * <pre>
 *   TemplateRenderer renderer = new TemplateRenderer(Path.of("templates"));
 *   byte[] html = renderer.renderUtf8("model.ftlh", Map.of("page", modelPageView));
 * </pre>
 */
public final class TemplateRenderer {
    private final Configuration config;

    public TemplateRenderer(Path templateDir) {
        config = new Configuration(Configuration.VERSION_2_3_34);
        try {
            config.setTemplateLoader(new FileTemplateLoader(templateDir.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read templates from " + templateDir, e);
        }
        config.setDefaultEncoding("UTF-8");
        config.setOutputEncoding("UTF-8");
        config.setRecognizeStandardFileExtensions(true);
        config.setOutputFormat(HTMLOutputFormat.INSTANCE);
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
        config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        config.setAPIBuiltinEnabled(false);
        // Fixed so that the output never depends on the machine that builds it.
        config.setLocale(Locale.ROOT);
        config.setTimeZone(TimeZone.getTimeZone("UTC"));
        config.setNumberFormat("computer");
    }

    /**
     * A page as the template writes it, encoded to UTF-8 as it comes: a page is written in
     * thousands of pieces, and gathering them as text first (which turns to two bytes a character
     * for the whole page at its first Japanese or Korean one), then copying it into a string and
     * encoding that, was about a tenth of a 10,000-record build's CPU samples. Unpaired surrogates
     * become {@code ?}, as {@link String#getBytes} writes them.
     */
    private static final class Utf8PageWriter extends Writer {
        private byte[] bytes = new byte[32 * 1024];
        private int size;

        /** A high surrogate written last, waiting for the low one that completes it. */
        private char pendingHigh;

        @Override
        public void write(char[] chars, int offset, int length) {
            room(length);
            for (int i = offset; i < offset + length; i++) {
                put(chars[i]);
            }
        }

        @Override
        public void write(String string, int offset, int length) {
            room(length);
            for (int i = offset; i < offset + length; i++) {
                put(string.charAt(i));
            }
        }

        @Override
        public void write(String string) {
            write(string, 0, string.length());
        }

        @Override
        public void write(int c) {
            room(1);
            put((char) c);
        }

        @Override
        public Writer append(CharSequence chars) {
            String string = String.valueOf(chars);
            write(string, 0, string.length());
            return this;
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        /** Room for {@code chars} more characters: at most three bytes each, four a pair. */
        private void room(int chars) {
            int needed = size + 3 * chars + 4;
            if (needed > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(needed, 2 * bytes.length));
            }
        }

        private void put(char c) {
            if (c < 0x80 && pendingHigh == 0) {
                bytes[size++] = (byte) c;
                return;
            }
            if (pendingHigh != 0) {
                char high = pendingHigh;
                pendingHigh = 0;
                if (Character.isLowSurrogate(c)) {
                    int code = Character.toCodePoint(high, c);
                    bytes[size++] = (byte) (0xf0 | code >> 18);
                    bytes[size++] = (byte) (0x80 | (code >> 12 & 0x3f));
                    bytes[size++] = (byte) (0x80 | (code >> 6 & 0x3f));
                    bytes[size++] = (byte) (0x80 | (code & 0x3f));
                    return;
                }
                bytes[size++] = '?';
            }
            if (c < 0x80) {
                bytes[size++] = (byte) c;
            } else if (c < 0x800) {
                bytes[size++] = (byte) (0xc0 | c >> 6);
                bytes[size++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c)) {
                pendingHigh = c;
            } else if (Character.isLowSurrogate(c)) {
                bytes[size++] = '?';
            } else {
                bytes[size++] = (byte) (0xe0 | c >> 12);
                bytes[size++] = (byte) (0x80 | (c >> 6 & 0x3f));
                bytes[size++] = (byte) (0x80 | (c & 0x3f));
            }
        }

        /** The page's bytes; a high surrogate left at the end is a {@code ?}. */
        byte[] toBytes() {
            if (pendingHigh != 0) {
                pendingHigh = 0;
                bytes[size++] = '?';
            }
            return Arrays.copyOf(bytes, size);
        }
    }

    /**
     * Renders one page, as UTF-8; a template error is a bug in the templates, so it is thrown, not
     * collected.
     */
    public byte[] renderUtf8(String templateName, Map<String, Object> model) {
        try {
            Template template = config.getTemplate(templateName);
            Utf8PageWriter out = new Utf8PageWriter();
            template.process(model, out);
            return out.toBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load template " + templateName, e);
        } catch (TemplateException e) {
            throw new IllegalStateException(
                    "template " + templateName + " failed: " + e.getMessage(), e);
        }
    }
}
