package dev.sema.markup;

import java.util.regex.Pattern;

/**
 * Format placeholders inside text ({@code %1$s}, {@code %d}, {@code {0}}, {@code {{name}}}, {@code ${user}}): a
 * model that knows no placeholders translates or drops them, so they are taken out of the sentence like an
 * atomic element and put back where their neighbouring words went.
 */
final class Placeholders {

    static final Pattern PATTERN = Pattern.compile(
            "%(?:\\d+\\$)?[-+#0]*\\d*(?:\\.\\d+)?[sdfiuxXoeEgGc@]"
                    + "|\\{\\{[^{}\\s]{1,64}}}|\\{[A-Za-z0-9_.]{1,64}}|\\$\\{[^{}\\s]{1,64}}");

    private Placeholders() {
    }
}
