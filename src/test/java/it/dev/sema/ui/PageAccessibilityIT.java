package it.dev.sema.ui;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deque's axe-core finds no serious or critical accessibility violation in either theme, with a translation shown
 * and with a language list open, at phone, tablet and desktop widths, which need no horizontal scrolling; each
 * state is also saved as a screenshot under target/ui-screenshots for a person to look at.
 */
class PageAccessibilityIT {

    /** A small phone (the narrowest the page supports), a phone, a tablet, a desktop. */
    private static final List<Integer> WIDTHS = List.of(360, 390, 768, 1280);
    private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
            "best-practice");

    @RegisterExtension
    static final PageSession SESSION = PageSession.onMainServer();

    private final TranslatorPage page = SESSION.page();
    private final Browser browser = SESSION.browser();

    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void noSeriousViolationsAtAnyWidth(String scheme) {
        browser.colorScheme(scheme);
        for (int width : WIDTHS) {
            browser.width(width, 900);
            page.open("?source=auto&target=fra_Latn");
            page.type(TranslatorPageIT.SWAHILI);
            page.awaitOutput(TranslatorPageIT.SWAHILI);
            assertEquals(scheme.equals("dark") ? "true" : "false", page.find("theme-toggle").getDomAttribute(
                    "aria-pressed"), "the toggle shows the system's scheme");
            page.openOptions();
            Number overflow = (Number) page.driver().executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertEquals(0, overflow.intValue(), "horizontal scrolling at " + width + " px");
            assertNoSeriousViolations(scheme + " at " + width + " px");
            saved(browser.screenshot("translator-" + width + "-" + scheme));

            page.search("target", "ki");
            assertNoSeriousViolations(scheme + " at " + width + " px, language list open");
            saved(browser.screenshot("picker-" + width + "-" + scheme));
            page.closePicker("target");
        }
        page.assertNoConsoleErrors();
    }

    private void assertNoSeriousViolations(String where) {
        Results results = new AxeBuilder().withTags(TAGS).analyze(page.driver());
        assertTrue(results.getPasses().size() > 10, where + ": axe checked too little: " + results.getPasses().size());
        List<Rule> violations = results.getViolations();
        List<Rule> serious = violations.stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact())).toList();
        assertTrue(serious.isEmpty(), where + ": " + serious.stream()
                .map(r -> r.getImpact() + " " + r.getId() + " " + r.getHelp() + " at " + r.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget()) + " " + n.getFailureSummary())
                        .collect(Collectors.joining("; ")))
                .collect(Collectors.joining("\n")));
        violations.forEach(r -> System.out.println("axe (" + where + ", " + r.getImpact() + "): " + r.getId()
                + " " + r.getHelp()));
    }

    private static void saved(Path screenshot) {
        assertTrue(Files.isRegularFile(screenshot), screenshot.toString());
    }
}
