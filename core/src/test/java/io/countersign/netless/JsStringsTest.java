package io.countersign.netless;

import io.countersign.internal.Hex;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Expected values are the output of Node v20.20.2 for {@code JSON.stringify(s)} (as UTF-8 hex,
 * via {@code Buffer.from(JSON.stringify(s), "utf8").toString("hex")}) and
 * {@code encodeURIComponent(s)}, run by hand on the same JavaScript strings.
 */
class JsStringsTest {

    @Test
    void controlCharactersUseShortEscapesOrLowerCaseUnicodeEscapes() {
        String s = "\u0000\u0001\u0007\b\t\n\u000b\f\r\u000e\u001f \u007f";
        assertJson("225c75303030305c75303030315c75303030375c625c745c6e5c75303030625c665c725c75303030655c7530303166207f22", s);
        assertEquals("%00%01%07%08%09%0A%0B%0C%0D%0E%1F%20%7F", JsStrings.encodeURIComponent("f", s));
    }

    @Test
    void lineAndParagraphSeparatorsStayLiteralInJson() {
        assertJson("22e280a8e280a922", "\u2028\u2029");
        assertEquals("%E2%80%A8%E2%80%A9", JsStrings.encodeURIComponent("f", "\u2028\u2029"));
    }

    @Test
    void markCharactersAreNotEscapedByEncodeUriComponent() {
        assertEquals("!'()*~-_.", JsStrings.encodeURIComponent("f", "!'()*~-_."));
        assertJson("22212728292a7e2d5f2e22", "!'()*~-_.");
        // The JDK's URLEncoder escapes !'()~ and writes a space as '+': not usable here.
        assertNotEquals(URLEncoder.encode("!'()*~ ", StandardCharsets.UTF_8), JsStrings.encodeURIComponent("f", "!'()*~ "));
    }

    @Test
    void spaceIsPercentTwentyAndPlusIsEscaped() {
        assertEquals("a%20b%2Bc", JsStrings.encodeURIComponent("f", "a b+c"));
        assertJson("226120622b6322", "a b+c");
    }

    @Test
    void quoteBackslashAndSlash() {
        // JSON.stringify escapes " and \ but not /; encodeURIComponent escapes all three.
        assertJson("225c225c5c2f22", "\"\\/");
        assertEquals("%22%5C%2F", JsStrings.encodeURIComponent("f", "\"\\/"));
    }

    @Test
    void nonBmpCharactersAreFourUtf8Bytes() {
        assertJson("22f09f988022", "\ud83d\ude00");
        assertEquals("%F0%9F%98%80", JsStrings.encodeURIComponent("f", "\ud83d\ude00"));
        assertJson("22f48fbfbf22", "\udbff\udfff");
        assertEquals("%F4%8F%BF%BF", JsStrings.encodeURIComponent("f", "\udbff\udfff"));
    }

    @Test
    void utf8LengthBoundaries() {
        String s = "\u00e9\u4e2d\u0080\u07ff\u0800\uffff";
        assertEquals("%C3%A9%E4%B8%AD%C2%80%DF%BF%E0%A0%80%EF%BF%BF", JsStrings.encodeURIComponent("f", s));
        assertJson("22c3a9e4b8adc280dfbfe0a080efbfbf22", s);
    }

    @Test
    void loneSurrogatesAreEscapedInJsonAndRefusedInUris() {
        assertJson("225c756438303022", "\ud800");
        assertJson("22785c75646330307922", "x\udc00y");
        assertJson("22f09f98805c756438336422", "\ud83d\ude00\ud83d");
        // encodeURIComponent throws URIError on each of them.
        for (String s : new String[] {"\ud800", "x\udc00y", "\ud83d\ude00\ud83d"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsStrings.encodeURIComponent("uuid", s));
            assertTrue(e.getMessage().startsWith("uuid: unpaired surrogate at index"), e.getMessage());
        }
        assertEquals(2, JsStrings.firstUnpairedSurrogate("\ud83d\ude00\ud83d"));
        assertEquals(-1, JsStrings.firstUnpairedSurrogate("\ud83d\ude00"));
    }

    @Provide
    Arbitrary<String> anyText() {
        return net.jqwik.api.Arbitraries.oneOf(NetlessGenerators.text(0, 30), NetlessGenerators.anyUtf16());
    }

    @Property(tries = 1000)
    void jsonLengthMatchesWhatIsWrittenAtAnOffset(@ForAll("anyText") String s) {
        int length = JsStrings.jsonUtf8Length(s);
        byte[] out = new byte[length + 20];
        Arrays.fill(out, (byte) 0x55);
        assertEquals(length, JsStrings.writeJsonUtf8(s, out, 11));
        assertEquals(0x55, out[10]);
        assertEquals(0x55, out[11 + length]);
        assertEquals(JsStrings.jsonStringify(s), new String(out, 11, length, StandardCharsets.UTF_8));
    }

    @Property(tries = 1000)
    void encodeUriComponentWritesOnlyUnreservedOrUpperCaseEscapesAndDecodesBack(@ForAll("wellFormed") String s) {
        String encoded = JsStrings.encodeURIComponent("f", s);
        assertEquals(JsStrings.uriComponentLength("f", s), encoded.length());
        assertTrue(encoded.matches("([A-Za-z0-9\\-_.!~*'()]|%[0-9A-F]{2})*"), encoded);
        // No '+' can appear, so URLDecoder's form-decoding reads it as plain percent-decoding.
        assertEquals(s, URLDecoder.decode(encoded, StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> wellFormed() {
        return NetlessGenerators.text(0, 30);
    }

    private static void assertJson(String expectedUtf8Hex, String s) {
        assertEquals(expectedUtf8Hex, Hex.encode(JsStrings.jsonStringify(s).getBytes(StandardCharsets.UTF_8)));
        byte[] out = new byte[JsStrings.jsonUtf8Length(s)];
        assertEquals(out.length, JsStrings.writeJsonUtf8(s, out, 0));
        assertEquals(expectedUtf8Hex, Hex.encode(out));
    }
}
