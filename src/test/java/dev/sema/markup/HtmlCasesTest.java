package dev.sema.markup;

import org.junit.jupiter.api.Test;

import static dev.sema.markup.Doubles.ECHO;
import static dev.sema.markup.Doubles.IN_ORDER;
import static dev.sema.markup.Doubles.NO_LINKS;
import static dev.sema.markup.Doubles.REVERSED;
import static dev.sema.markup.Doubles.REVERSE_WORDS;
import static dev.sema.markup.Doubles.UPPER;
import static dev.sema.markup.Doubles.html;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The hard cases of HTML, each pinned exactly: with the echo engine (everything comes back as it was, modulo
 * jsoup's serialisation), an upper-casing engine (shows what is translated and what is not) and a word-reversing
 * engine with the aligner that reports the reversal (shows where tags go).
 */
class HtmlCasesTest {

    private static void pin(String in, String echo, String upper, String reversed) {
        assertEquals(echo, html(in, ECHO, IN_ORDER), "echo of " + in);
        assertEquals(upper, html(in, UPPER, IN_ORDER), "upper case of " + in);
        assertEquals(reversed, html(in, REVERSE_WORDS, REVERSED), "reversal of " + in);
    }

    @Test
    void nestedInlineElementsFollowTheirWords() {
        pin("<p>one <b>two <i>three</i> four</b> five</p>",
                "<p>one <b>two <i>three</i> four</b> five</p>",
                "<p>ONE <b>TWO <i>THREE</i> FOUR</b> FIVE</p>",
                "<p>five <b>four <i>three</i> two</b> one</p>");
        pin("<p>Click <a href=\"/x\">here</a> to go on.</p>",
                "<p>Click <a href=\"/x\">here</a> to go on.</p>",
                "<p>CLICK <a href=\"/x\">HERE</a> TO GO ON.</p>",
                "<p>on. go to <a href=\"/x\">here</a> Click</p>");
        pin("<p><b>All bold</b></p>", "<p><b>All bold</b></p>", "<p><b>ALL BOLD</b></p>", "<p><b>bold All</b></p>");
        pin("<p>Price: <b>5</b> euros</p>", "<p>Price: <b>5</b> euros</p>", "<p>PRICE: <b>5</b> EUROS</p>",
                "<p>euros <b>5</b> Price:</p>");
    }

    @Test
    void voidElementsStayWithTheirNeighbours() {
        pin("<p>See <img src=a.png alt=\"a red cat\"> and <wbr>more</p>",
                "<p>See <img src=\"a.png\" alt=\"a red cat\"> and <wbr>more</p>",
                "<p>SEE <img src=\"a.png\" alt=\"A RED CAT\"> AND <wbr> MORE</p>",
                "<p>more and <wbr> See <img src=\"a.png\" alt=\"cat red a\"></p>");
    }

    @Test
    void entitiesComeBackAsCharactersExceptTheEscapedOnes() {
        pin("<p>Fish &amp; chips &lt;3 &copy; 2024&nbsp;km</p>",
                "<p>Fish &amp; chips &lt;3 © 2024&nbsp;km</p>",
                "<p>FISH &amp; CHIPS &lt;3 © 2024&nbsp;KM</p>",
                // The reversing double counts a no-break space as a word break and joins words with spaces.
                "<p>km 2024 © &lt;3 chips &amp; Fish</p>");
    }

    @Test
    void commentsAreKeptInPlace() {
        pin("<!-- a comment --><p>Hello <!-- inner --> world</p>",
                "<!-- a comment --><p>Hello <!-- inner --> world</p>",
                "<!-- a comment --><p>HELLO <!-- inner --> WORLD</p>",
                "<!-- a comment --><p>world Hello <!-- inner --></p>");
    }

    @Test
    void aDocumentKeepsItsDoctypeAndHeadAndTheRootTakesTheTargetLanguage() {
        String page = "<!DOCTYPE html><html lang=\"en\"><head><title>My page</title><meta name=\"description\""
                + " content=\"A page about cats\"></head><body><p>Hi there</p></body></html>";
        assertEquals("<!doctype html><html lang=\"fr\"><head><title>MY PAGE</title><meta name=\"description\""
                + " content=\"A PAGE ABOUT CATS\"></head><body><p>HI THERE</p></body></html>", html(page, UPPER, IN_ORDER));
        assertEquals("<!doctype html><html lang=\"ar\" dir=\"rtl\"><head><title>My page</title><meta"
                        + " name=\"description\" content=\"A page about cats\"></head><body><p>Hi there</p></body></html>",
                Doubles.translate(page, MarkupOptions.html(), ECHO, IN_ORDER, "ar", true));
        assertEquals("<html dir=\"ltr\" lang=\"fr\"><head></head><body><p>x y</p></body></html>",
                html("<html dir=\"rtl\"><body><p>x y</p>", ECHO, IN_ORDER));
    }

    @Test
    void whitespaceBetweenBlocksAndInsideParagraphs() {
        pin("<div>\n  <p>First.</p>\n\n  <p>Second.</p>\n</div>",
                "<div>\n  <p>First.</p>\n\n  <p>Second.</p>\n</div>",
                "<div>\n  <p>FIRST.</p>\n\n  <p>SECOND.</p>\n</div>",
                "<div>\n  <p>First.</p>\n\n  <p>Second.</p>\n</div>");
        // A newline inside a paragraph is a space to the model: one sentence, not two.
        pin("<p>A sentence\n   that wraps\n   in the source.</p>",
                "<p>A sentence\n   that wraps\n   in the source.</p>",
                "<p>A SENTENCE THAT WRAPS IN THE SOURCE.</p>",
                "<p>source. the in wraps that sentence A</p>");
    }

    @Test
    void linesSeparatedByBrAreTranslatedOneByOne() {
        pin("<p>Line one<br>line two<br/>\nline three</p>",
                "<p>Line one<br>line two<br>\nline three</p>",
                "<p>LINE ONE<br>LINE TWO<br>\nLINE THREE</p>",
                "<p>one Line<br>two line<br>\nthree line</p>");
    }

    @Test
    void placeholdersAreNeverTranslated() {
        pin("<p>Delete %1$s files from {0}?</p>",
                "<p>Delete %1$s files from {0}?</p>",
                "<p>DELETE %1$s FILES FROM {0}?</p>",
                "<p>? from {0} files Delete %1$s</p>");
    }

    @Test
    void mixedScriptsProjectCharacterByCharacterWhereTheScriptHasNoSpaces() {
        pin("<p>中文<b>句子</b>和 English <i>words</i> مرحبا بالعالم</p>",
                "<p>中文<b>句子</b>和 English <i>words</i> مرحبا بالعالم</p>",
                "<p>中文<b>句子</b>和 ENGLISH <i>WORDS</i> مرحبا بالعالم</p>",
                "<p>بالعالم مرحبا <i>words</i> English 和 <b>子 句</b> 文 中</p>");
    }

    @Test
    void verbatimElementsAndTranslateNoAreCopied() {
        pin("<p>Run <code>make all</code> then <kbd>Enter</kbd> now.</p>",
                "<p>Run <code>make all</code> then <kbd>Enter</kbd> now.</p>",
                "<p>RUN <code>make all</code> THEN <kbd>Enter</kbd> NOW.</p>",
                "<p>now. then <kbd>Enter</kbd> Run <code>make all</code></p>");
        pin("<p>Keep <span translate=\"no\">Sema Cloud</span> and <span class=\"x notranslate\">Acme</span> as is.</p>",
                "<p>Keep <span translate=\"no\">Sema Cloud</span> and <span class=\"x notranslate\">Acme</span> as is.</p>",
                "<p>KEEP <span translate=\"no\">Sema Cloud</span> AND <span class=\"x notranslate\">Acme</span> AS IS.</p>",
                "<p>is. as and <span class=\"x notranslate\">Acme</span> Keep <span translate=\"no\">Sema Cloud</span></p>");
        pin("<p translate=\"no\">Never this.</p><p>But this.</p>",
                "<p translate=\"no\">Never this.</p><p>But this.</p>",
                "<p translate=\"no\">Never this.</p><p>BUT THIS.</p>",
                "<p translate=\"no\">Never this.</p><p>this. But</p>");
        String code = "<pre>  keep   this\n  exactly</pre><script>var a = '<p>x</p>';</script><style>p{color:red}</style>";
        pin(code, code, code, code);
    }

    @Test
    void translatedAttributes() {
        pin("<input placeholder=\"Your name\" title=\"Name field\" aria-label=\"name\"><button"
                        + " aria-label=\"close dialog\">x</button>",
                "<input placeholder=\"Your name\" title=\"Name field\" aria-label=\"name\"><button"
                        + " aria-label=\"close dialog\">x</button>",
                "<input placeholder=\"YOUR NAME\" title=\"NAME FIELD\" aria-label=\"NAME\"><button"
                        + " aria-label=\"CLOSE DIALOG\">X</button>",
                "<input placeholder=\"name Your\" title=\"field Name\" aria-label=\"name\"><button"
                        + " aria-label=\"dialog close\">x</button>");
    }

    @Test
    void digitsAndPunctuationAloneAreNotSentToTheModel() {
        MarkupDocument document = MarkupDocument.read("text", "<p>1234 / 5678</p><p>—</p>", MarkupOptions.html());
        assertEquals(0, document.texts().size());
        assertEquals(0, document.characterCount());
    }

    @Test
    void withoutLinksEachTagTakesTheSameShareOfTheTranslation() {
        assertEquals("<p>on. <a href=\"/x\">go</a> to here Click</p>",
                html("<p>Click <a href=\"/x\">here</a> to go on.</p>", REVERSE_WORDS, NO_LINKS));
        assertEquals("<p>five <b>four <i>three</i> two</b> one</p>",
                html("<p>one <b>two <i>three</i> four</b> five</p>", REVERSE_WORDS, NO_LINKS));
    }

    @Test
    void aModelWritingTagsGetsThemEscapedAsText() {
        assertEquals("<p>&lt;b&gt;x&lt;/b&gt; <b>y</b></p>",
                html("<p>a <b>y</b></p>", s -> s.replace("a", "<b>x</b>"), IN_ORDER));
    }

    @Test
    void aModelThatDropsEverythingStillGetsEveryTagOnce() {
        assertEquals("<p><img src=\"x\"><b><i></i></b></p>",
                html("<p>one <b>two <i>three</i></b> <img src=x> four</p>", s -> "", IN_ORDER));
    }
}
