package dev.sema.markup;

import dev.sema.failure.InvalidMarkupException;
import dev.sema.translation.AlignmentLink;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Properties over generated markup (nesting up to 6 deep, entities, void elements, comments, mixed scripts,
 * placeholders), translated by engines that reverse, scramble, invent or drop words, with aligners that are
 * right, silent or wrong (random and out-of-range links): reading never throws but the domain's
 * {@link InvalidMarkupException}, and every output parses to the same elements under the same parents as the
 * input (none lost, none added, none moved out of its parent). Seeded, so a failure replays.
 */
class MarkupPropertiesTest {

    private static final int DOCUMENTS = 200;
    private static final String[] WORDS = {"alpha", "Beta", "gamma.", "delta,", "中文", "句子", "مرحبا", "بالعالم",
            "привет", "мир", "😀", "naïve", "%1$s", "{0}", "42", "&amp;", "&lt;", "&gt;", "&quot;", "&#169;", "&copy;",
            "&nbsp;", "x&amp;y"};
    private static final String[] INLINE = {"b", "i", "a", "span", "em", "strong", "code", "sub"};
    private static final String[] BLOCK = {"p", "div", "li", "h2", "td"};

    @Test
    void htmlKeepsEveryElementUnderItsParent() {
        Random random = new Random(20261206L);
        for (int n = 0; n < DOCUMENTS; n++) {
            String markup = generate(random, 0, true);
            check(markup, MarkupOptions.html(), random, n);
        }
    }

    @Test
    void xmlKeepsEveryElementUnderItsParentAndStaysWellFormed() {
        Random random = new Random(6122026L);
        for (int n = 0; n < DOCUMENTS; n++) {
            String markup = "<root>" + generate(random, 0, false).replace("&nbsp;", "&#160;").replace("&copy;", "&#169;")
                    + "</root>";
            String out = check(markup, MarkupOptions.xml(), random, n);
            XmlChecks.requireWellFormed("output", out);
        }
    }

    @Test
    void brokenMarkupIsTheDomainsOwnFailureOrParses() {
        Random random = new Random(42L);
        for (int n = 0; n < DOCUMENTS; n++) {
            String markup = generate(random, 0, true);
            int cut = random.nextInt(markup.length() + 1);
            String broken = markup.substring(0, cut) + "<" + markup.substring(cut);
            for (MarkupOptions options : List.of(MarkupOptions.html(), MarkupOptions.xml())) {
                try {
                    MarkupDocument document = MarkupDocument.read("text", broken, options);
                    document.render(document.texts().stream().map(Doubles.REVERSE_WORDS).toList(), Doubles.REVERSED,
                            "fr", false);
                } catch (InvalidMarkupException expected) {
                    assertEquals(MarkupFormat.XML, options.format(), "HTML is never refused: " + broken);
                }
            }
        }
    }

    private static String check(String markup, MarkupOptions options, Random random, int n) {
        UnaryOperator<String> engine;
        MarkupDocument.Alignment aligner;
        switch (n % 4) {
            case 0 -> {
                engine = Doubles.REVERSE_WORDS;
                aligner = Doubles.REVERSED;
            }
            case 1 -> {
                engine = s -> scramble(s, random);
                aligner = (s, t) -> randomLinks(s, t, random);
            }
            case 2 -> {
                engine = s -> random.nextBoolean() ? "" : "<b>" + s + "</b> &amp; invented";
                aligner = Doubles.NO_LINKS;
            }
            default -> {
                engine = Doubles.UPPER;
                aligner = Doubles.IN_ORDER;
            }
        }
        MarkupDocument document = MarkupDocument.read("text", markup, options);
        String out = document.render(document.texts().stream().map(engine).toList(), aligner, "ar", true);
        // The reference is the input as the parser reads and writes it back: a tree the HTML parser itself
        // repaired (a heading inside a heading) reads differently a second time, translated or not.
        String reference = Doubles.translate(markup, options, Doubles.ECHO, Doubles.IN_ORDER, "ar", true);
        assertEquals(parents(reference, options), parents(out, options), "document " + n + ": " + markup + "\n→ " + out);
        return out;
    }

    /** (element, parent) pairs with their counts, as the same parser reads the text. */
    private static Map<String, Integer> parents(String markup, MarkupOptions options) {
        Document document = options.format() == MarkupFormat.XML ? Parser.xmlParser().parseInput(markup, "")
                : Parser.parseBodyFragment(markup, "");
        Map<String, Integer> counts = new HashMap<>();
        for (Element e : document.getAllElements()) {
            String parent = e.parent() == null ? "-" : e.parent().normalName();
            counts.merge(e.normalName() + "<" + parent, 1, Integer::sum);
        }
        return counts;
    }

    private static String generate(Random random, int depth, boolean html) {
        StringBuilder out = new StringBuilder();
        int parts = 1 + random.nextInt(5);
        for (int i = 0; i < parts; i++) {
            int kind = random.nextInt(depth >= 6 ? 3 : 7);
            switch (kind) {
                case 0, 1 -> out.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(4) == 0 ? "\n " : " ");
                case 2 -> out.append(switch (random.nextInt(4)) {
                    case 0 -> html ? "<br>" : "<br/>";
                    case 1 -> html ? "<img src=\"i.png\" alt=\"a picture\">" : "<img src=\"i.png\"/>";
                    case 2 -> "<!-- note -->";
                    default -> html ? "<wbr>" : "<wbr/>";
                });
                case 3, 4 -> {
                    String name = INLINE[random.nextInt(INLINE.length)];
                    String attrs = random.nextInt(3) == 0 ? " title=\"some title\"" : "";
                    out.append('<').append(name).append(attrs).append('>').append(generate(random, depth + 1, html))
                            .append("</").append(name).append('>');
                }
                default -> {
                    String name = BLOCK[random.nextInt(BLOCK.length)];
                    String attrs = random.nextInt(5) == 0 ? " translate=\"no\"" : "";
                    out.append('<').append(name).append(attrs).append('>').append(generate(random, depth + 1, html))
                            .append("</").append(name).append(">\n");
                }
            }
        }
        return out.toString();
    }

    private static String scramble(String text, Random random) {
        List<String> words = new ArrayList<>(List.of(text.split(" ")));
        java.util.Collections.shuffle(words, random);
        if (!words.isEmpty() && random.nextBoolean()) {
            words.remove(random.nextInt(words.size()));
        }
        return String.join(" ", words);
    }

    private static List<AlignmentLink> randomLinks(String source, String target, Random random) {
        List<AlignmentLink> links = new ArrayList<>();
        for (int i = random.nextInt(6); i > 0; i--) {
            int s = random.nextInt(source.length() + 3);
            int t = random.nextInt(target.length() + 3);
            links.add(new AlignmentLink(s, s + 1 + random.nextInt(5), t, t + 1 + random.nextInt(5)));
        }
        return links;
    }
}
