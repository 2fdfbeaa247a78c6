package dev.sema.languages;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The 202 FLORES-200 codes NLLB-200 translates, in tokenizer id order ({@code languages/nllb-codes.txt};
 * language token id = 256001 + index in the released models). The single copy of that list: detection answers
 * only with these codes, the tokenizer derives language ids from it, and the catalogue describes exactly these.
 */
public final class NllbLanguages {

    private static final String RESOURCE = "/languages/nllb-codes.txt";
    private static final List<String> CODES = load();
    private static final Set<String> SET = Set.copyOf(CODES);

    private NllbLanguages() {
    }

    public static List<String> codes() {
        return CODES;
    }

    public static boolean contains(String code) {
        return SET.contains(code);
    }

    private static List<String> load() {
        try (InputStream in = NllbLanguages.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + RESOURCE);
            }
            Set<String> codes = new LinkedHashSet<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !codes.add(line.strip())) {
                    throw new IllegalStateException(RESOURCE + " lists " + line + " twice");
                }
            }
            return List.copyOf(codes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
