package org.keizu.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateRendererTest {
    @TempDir Path templates;

    /**
     * A page is encoded to UTF-8 as the template writes it: the same bytes as the page's text
     * encoded whole, for every kind of character (one to four bytes; a pair written whole or in two
     * pieces; unpaired halves as {@code ?}), escaped or not.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "plain ASCII <b>&amp;</b>",
                "Café Ünïcödé Ω Ж",
                "楽天 AI 3.0、国産最大級 한국어 모델",
                "a pair 😀 and 𝔘 at the end 😀",
                "an unpaired high \ud83d then text",
                "an unpaired low \ude00 then text",
                "ends on a high half \ud83d",
                "\ud83d\ud83d\ude00 two highs, one low",
                ""
            })
    void aPageIsItsTextInUtf8(String value) throws IOException {
        Files.writeString(
                templates.resolve("page.ftlh"),
                "<p>${value}</p>${value?no_esc}${high}${low}${high}x${low}♦\n");
        byte[] rendered =
                new TemplateRenderer(templates)
                        .renderUtf8(
                                "page.ftlh",
                                Map.of("value", value, "high", "\ud83d", "low", "\ude00"));
        String escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        String expected =
                "<p>" + escaped + "</p>" + value + "\ud83d\ude00" + "\ud83dx\ude00" + "♦\n";
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), rendered);
    }

    /** A page of many thousand pieces outgrows the first buffer without losing a byte. */
    @ParameterizedTest
    @ValueSource(ints = {1, 20_000})
    void aLongPageIsWhole(int times) throws IOException {
        Files.writeString(
                templates.resolve("long.ftlh"), "<#list 1..times as i>${i} 国 é\n</#list>");
        byte[] rendered =
                new TemplateRenderer(templates).renderUtf8("long.ftlh", Map.of("times", times));
        StringBuilder expected = new StringBuilder();
        for (int i = 1; i <= times; i++) {
            expected.append(i).append(" 国 é\n");
        }
        assertArrayEquals(expected.toString().getBytes(StandardCharsets.UTF_8), rendered);
    }
}
