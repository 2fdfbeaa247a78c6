package dev.sema.markup;

import dev.sema.failure.InvalidMarkupException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static dev.sema.markup.Doubles.ECHO;
import static dev.sema.markup.Doubles.IN_ORDER;
import static dev.sema.markup.Doubles.REVERSED;
import static dev.sema.markup.Doubles.REVERSE_WORDS;
import static dev.sema.markup.Doubles.UPPER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** XML: declaration, doctype, CDATA, processing instructions, DeepL's three lists, and what the strict pass refuses. */
class XmlCasesTest {

    private static final String DOC = "<?xml version=\"1.0\"?>\n<!DOCTYPE doc>\n<doc xml:lang=\"en\"><para>Hello"
            + " <b>big</b> world<?pi x?><![CDATA[ <raw> ]]></para>\n<code>no change</code><note>Keep <x/> this</note>"
            + "</doc>";

    private static String xml(String in, MarkupOptions options, java.util.function.UnaryOperator<String> engine,
                              MarkupDocument.Alignment aligner) {
        return Doubles.translate(in, options, engine, aligner, "fr", false);
    }

    @Test
    void declarationDoctypeCdataAndProcessingInstructionsAreKept() {
        MarkupOptions ignoreCode = new MarkupOptions(MarkupFormat.XML, Set.of("code"), Set.of(), Set.of());
        assertEquals("<?xml version=\"1.0\"?>\n<!DOCTYPE doc>\n<doc xml:lang=\"fr\"><para>Hello <b>big</b> world<?pi"
                + " x?><![CDATA[ <raw> ]]></para>\n<code>no change</code><note>Keep <x /> this</note></doc>",
                xml(DOC, ignoreCode, ECHO, IN_ORDER));
        assertEquals("<?xml version=\"1.0\"?>\n<!DOCTYPE doc>\n<doc xml:lang=\"fr\"><para>HELLO <b>BIG</b> WORLD<?pi"
                + " x?><![CDATA[ <raw> ]]></para>\n<code>no change</code><note>KEEP <x /> THIS</note></doc>",
                xml(DOC, ignoreCode, UPPER, IN_ORDER));
        assertEquals("<?xml version=\"1.0\"?>\n<!DOCTYPE doc>\n<doc xml:lang=\"fr\"><para>world <b>big</b> Hello<?pi"
                + " x?><![CDATA[ <raw> ]]></para>\n<code>no change</code><note>this Keep <x /></note></doc>",
                xml(DOC, ignoreCode, REVERSE_WORDS, REVERSED));
    }

    @Test
    void splittingAndNonSplittingTagsOverrideTheOutline() {
        String in = "<r><s>One <t>two</t> three</s><u><v>Four</v><v>five</v></u></r>";
        assertEquals("<r><s>ONE <t>TWO</t> THREE</s><u><v>FOUR</v><v>FIVE</v></u></r>",
                xml(in, MarkupOptions.xml(), UPPER, IN_ORDER));
        // t splits: "One", "two" and "three" are three sentences; v does not: "Four five" is one.
        MarkupOptions lists = new MarkupOptions(MarkupFormat.XML, Set.of(), Set.of("t"), Set.of("v"));
        MarkupDocument document = MarkupDocument.read("text", in, lists);
        assertEquals(java.util.List.of("One", "two", "three", "Fourfive"), document.texts());
        assertEquals("<r><s>One <t>two</t> three</s><u><v>five</v> <v>Four</v></u></r>",
                xml("<r><s>One <t>two</t> three</s><u><v>Four</v> <v>five</v></u></r>", lists, REVERSE_WORDS,
                        REVERSED));
    }

    @Test
    void malformedXmlNamesLineAndColumn() {
        InvalidMarkupException e = assertThrows(InvalidMarkupException.class,
                () -> MarkupDocument.read("texts[1]", "<r>\n  <p>open</r>", MarkupOptions.xml()));
        assertEquals("texts[1]", e.field());
        assertEquals(2, e.line());
        assertEquals(12, e.column());
        assertTrue(e.getMessage().startsWith("Invalid markup at line 2, column 12: "), e.getMessage());
    }

    @Test
    void anExternalEntityIsRefusedAndTheFileIsNotRead() throws IOException {
        Path secret = Files.createTempFile("sema-xxe", ".txt");
        try {
            Files.writeString(secret, "SECRET-CONTENT");
            long readBefore = Files.getLastModifiedTime(secret).toMillis();
            String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]><r>&x;</r>";
            InvalidMarkupException e = assertThrows(InvalidMarkupException.class,
                    () -> MarkupDocument.read("text", xxe, MarkupOptions.xml()));
            assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
            assertTrue(e.getMessage().contains("entity reference &x;"), e.getMessage());
            assertEquals(readBefore, Files.getLastModifiedTime(secret).toMillis());
            // Without a DOCTYPE, the reference is refused as an entity: nothing declares or resolves it.
            assertTrue(assertThrows(InvalidMarkupException.class, () -> MarkupDocument.read("text",
                    "<r>&x;</r>", MarkupOptions.xml())).getMessage().contains("entity reference &x;"));
        } finally {
            Files.delete(secret);
        }
    }

    @Test
    void anExternalEntityOverHttpIsNeverFetched() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String xxe = "<!DOCTYPE r [<!ENTITY x SYSTEM \"http://127.0.0.1:" + listener.getLocalPort() + "/x\">]><r>&x;</r>";
            assertThrows(InvalidMarkupException.class, () -> MarkupDocument.read("text", xxe, MarkupOptions.xml()));
            // Parsing is over: a fetch would have left its connection in the backlog, where accept finds it at once.
            listener.setSoTimeout(1);
            assertThrows(SocketTimeoutException.class, listener::accept, "the parser connected to the entity's URL");
        }
    }

    @Test
    void billionLaughsIsRefusedBeforeAnyExpansion() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        String bomb = dtd + "]><lolz>&lol9;</lolz>";
        assertTrue(assertThrows(InvalidMarkupException.class, () -> MarkupDocument.read("text", bomb,
                MarkupOptions.xml())).getMessage().contains("entity reference &lol9;"));
    }

    @Test
    void characterReferencesAndPredefinedEntitiesAreOrdinaryXml() {
        assertEquals("<r>A &amp; B © &lt; C</r>", xml("<r>A &amp; B &#169; &lt; C</r>", MarkupOptions.xml(), ECHO,
                IN_ORDER));
    }
}
