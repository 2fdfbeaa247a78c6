package dev.sema.detection;

import com.ibm.icu.text.Transliterator;
import java.lang.Character.UnicodeScript;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which Unicode scripts the letters of a text use, for labels whose FLORES code depends on the script
 * (lid.176 {@code zh}, {@code ku}, {@code az}, {@code sr}, {@code sh}). Counted lazily, once per detection
 * and on one thread, because most labels need no script.
 */
public final class TextScripts {

    private static final ThreadLocal<Transliterator> TO_SIMPLIFIED =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Hant-Hans"));
    private static final ThreadLocal<Transliterator> TO_TRADITIONAL =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Hans-Hant"));

    private final String text;
    private final Map<UnicodeScript, Integer> letters = new EnumMap<>(UnicodeScript.class);
    private Boolean traditional;

    private TextScripts(String text) {
        this.text = text;
    }

    public static TextScripts of(String text) {
        return new TextScripts(text);
    }

    public int letters(UnicodeScript script) {
        if (letters.isEmpty()) {
            text.codePoints().filter(Character::isLetter)
                    .forEach(cp -> letters.merge(UnicodeScript.of(cp), 1, Integer::sum));
        }
        return letters.getOrDefault(script, 0);
    }

    /** Whether {@code script} has more letters than {@code other}. */
    public boolean more(UnicodeScript script, UnicodeScript other) {
        return letters(script) > letters(other);
    }

    /**
     * Whether Chinese text is written in traditional characters: more characters change when converted to
     * simplified than when converted to traditional. Characters common to both sets count for neither, so a
     * text with no distinguishing character reads as simplified, the more common written form.
     */
    public boolean traditionalChinese() {
        if (traditional == null) {
            traditional = countTraditional();
        }
        return traditional;
    }

    private boolean countTraditional() {
        String simplified = TO_SIMPLIFIED.get().transliterate(text);
        String traditional = TO_TRADITIONAL.get().transliterate(text);
        return differences(text, simplified) > differences(text, traditional);
    }

    /** Code points that differ position by position; conversions here map one character to one character. */
    private static int differences(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int n = 0;
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i] != y[i]) {
                n++;
            }
        }
        return n + Math.abs(x.length - y.length);
    }
}
