package org.beffroi.platform;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonpCharacterEscapes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes JSON for a {@code <script type="application/ld+json">} element of a page. The HTML parser reads a
 * script's text before any JSON parser does: {@code </script>} would end it early and {@code <!--<script>} would
 * swallow the rest of the page into it. So {@code <}, {@code >} and {@code &} (and U+2028, U+2029, which some
 * readers take for line ends) are written as JSON's six-character escapes, which every JSON reader reads back as
 * the same text. Every JSON written into a page goes through here.
 */
public final class JsonLd {

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .characterEscapes(new HtmlScriptEscapes()).build()).build();

    private JsonLd() {
    }

    /** The JSON text of the data (maps, lists, strings, numbers, booleans), safe inside a script element. */
    public static String script(Object data) {
        return JSON.writeValueAsString(data);
    }

    private static final class HtmlScriptEscapes extends CharacterEscapes {

        private static final int[] ASCII = standardAsciiEscapesForJSON();

        static {
            ASCII['<'] = ESCAPE_STANDARD;
            ASCII['>'] = ESCAPE_STANDARD;
            ASCII['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        /** U+2028 and U+2029, as Jackson escapes them for JSONP. */
        @Override
        public SerializableString getEscapeSequence(int ch) {
            return JsonpCharacterEscapes.instance().getEscapeSequence(ch);
        }
    }
}
