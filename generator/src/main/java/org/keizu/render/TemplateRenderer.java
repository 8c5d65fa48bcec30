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
 *   String html = renderer.render("model.ftlh", Map.of("page", modelPageView));
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
     * A page's text as the template writes it: a {@link java.io.StringWriter} without the lock its
     * {@code StringBuffer} takes for every piece of text (a page is written in thousands), which
     * one thread alone never needs.
     */
    private static final class PageWriter extends Writer {
        private final StringBuilder text = new StringBuilder(16 * 1024);

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String string, int offset, int length) {
            text.append(string, offset, offset + length);
        }

        @Override
        public void write(String string) {
            text.append(string);
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public Writer append(CharSequence chars) {
            text.append(chars);
            return this;
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /**
     * Renders one page; a template error is a bug in the templates, so it is thrown, not collected.
     */
    public String render(String templateName, Map<String, Object> model) {
        try {
            Template template = config.getTemplate(templateName);
            PageWriter out = new PageWriter();
            template.process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load template " + templateName, e);
        } catch (TemplateException e) {
            throw new IllegalStateException(
                    "template " + templateName + " failed: " + e.getMessage(), e);
        }
    }
}
