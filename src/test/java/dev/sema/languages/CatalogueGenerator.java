package dev.sema.languages;

import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.util.ULocale;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds {@code catalogue.json} from the hand-kept {@code catalogue-source.txt} plus CLDR (via ICU4J), so names
 * are not typed by hand and the file can be regenerated: {@code mvn -o test -Dtest=CatalogueGeneratorTest
 * -Dsema.regenerate-catalogue=true}.
 *
 * <p>Names: English from CLDR for the canonical locale (CLDR folds e.g. {@code swh} into {@code sw}); native
 * (autonym) from CLDR only where ICU ships data for that language, otherwise the source row's native name,
 * otherwise the English name. Aliases: ISO 639-3 code, CLDR's canonical code (usually ISO 639-1), the ISO 639-3
 * code of that (the macrolanguage, e.g. {@code swa}), plus the row's extras; an alias belongs to the first code
 * that claims it, own ISO 639-3 codes first and {@code *}-rows before others.
 */
public final class CatalogueGenerator {

    static final String SOURCE = "/languages/catalogue-source.txt";
    static final Path TARGET = Path.of("src/main/resources/languages/catalogue.json");

    private static final LocaleDisplayNames ENGLISH =
            LocaleDisplayNames.getInstance(ULocale.ENGLISH, LocaleDisplayNames.DialectHandling.DIALECT_NAMES);
    private static final Set<String> LOCALES_WITH_DATA = new java.util.HashSet<>();

    static {
        for (ULocale locale : ULocale.getAvailableLocales()) {
            LOCALES_WITH_DATA.add(locale.getLanguage());
        }
    }

    private record Row(String code, String region, boolean popular, boolean preferred, String name, String nativeName,
                       List<String> extraAliases) {

        String iso3() {
            return code.substring(0, 3);
        }

        String script() {
            return code.substring(4);
        }
    }

    private CatalogueGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(TARGET, generate(), StandardCharsets.UTF_8);
    }

    static String generate() throws IOException {
        List<Row> rows = readSource();
        Map<String, String> owners = assignAliases(rows);
        Map<String, Long> scriptsPerLanguage = new HashMap<>();
        rows.forEach(r -> scriptsPerLanguage.merge(r.iso3(), 1L, Long::sum));

        StringBuilder out = new StringBuilder("{\"languages\": [\n");
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            boolean twoScripts = scriptsPerLanguage.get(row.iso3()) > 1;
            JsonArrayBuilder aliases = Json.createArrayBuilder();
            owners.forEach((alias, owner) -> {
                if (owner.equals(row.code())) {
                    aliases.add(alias);
                }
            });
            out.append(Json.createObjectBuilder()
                    .add("code", row.code())
                    .add("name", englishName(row, twoScripts))
                    .add("native_name", nativeName(row, twoScripts))
                    .add("region", row.region())
                    .add("script", ENGLISH.scriptDisplayName(row.script()))
                    .add("popular", row.popular())
                    .add("african", "Africa".equals(row.region()))
                    .add("aliases", aliases)
                    .build());
            out.append(i + 1 < rows.size() ? ",\n" : "\n");
        }
        return out.append("]}\n").toString();
    }

    private static String englishName(Row row, boolean twoScripts) {
        if (row.name() != null) {
            return twoScripts ? row.name() + " (" + ENGLISH.scriptDisplayName(row.script()) + ")" : row.name();
        }
        ULocale locale = canonical(row, twoScripts);
        if (ENGLISH.languageDisplayName(locale.getLanguage()).equals(locale.getLanguage())) {
            throw new IllegalStateException("CLDR has no English name for " + row.code() + ": add one to " + SOURCE);
        }
        return ENGLISH.localeDisplayName(locale);
    }

    private static String nativeName(Row row, boolean twoScripts) {
        if (row.nativeName() != null) {
            return row.nativeName();
        }
        ULocale locale = canonical(row, twoScripts);
        if (row.name() == null && LOCALES_WITH_DATA.contains(locale.getLanguage())) {
            ULocale self = new ULocale(locale.getBaseName());
            return LocaleDisplayNames.getInstance(self, LocaleDisplayNames.DialectHandling.DIALECT_NAMES)
                    .localeDisplayName(locale);
        }
        return englishName(row, twoScripts);
    }

    /** The CLDR locale for a row; the script is kept only where it tells two NLLB codes apart (e.g. zh_Hant). */
    private static ULocale canonical(Row row, boolean twoScripts) {
        ULocale language = ULocale.createCanonical(row.iso3());
        return twoScripts ? new ULocale.Builder().setLocale(language).setScript(row.script()).build() : language;
    }

    private static Map<String, String> assignAliases(List<Row> rows) {
        Map<String, String> owners = new java.util.TreeMap<>();
        List<Row> ordered = new ArrayList<>(rows.stream().filter(Row::preferred).toList());
        rows.stream().filter(r -> !r.preferred()).forEach(ordered::add);
        ordered.forEach(r -> owners.putIfAbsent(r.iso3(), r.code()));
        for (Row row : ordered) {
            Set<String> aliases = new LinkedHashSet<>();
            if (row.name() == null) {
                ULocale language = ULocale.createCanonical(row.iso3());
                aliases.add(language.getLanguage());
                aliases.add(language.getISO3Language());
            }
            aliases.addAll(row.extraAliases());
            aliases.stream()
                    .filter(a -> !a.isEmpty() && !a.equalsIgnoreCase(row.code()))
                    .forEach(a -> owners.putIfAbsent(a, row.code()));
        }
        return owners;
    }

    private static List<Row> readSource() throws IOException {
        try (InputStream in = CatalogueGenerator.class.getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IOException(SOURCE + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(CatalogueGenerator::parse)
                    .toList();
        }
    }

    private static Row parse(String line) {
        String[] f = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
        if (f.length != 6) {
            throw new IllegalArgumentException("expected 6 columns: " + line);
        }
        return new Row(f[0], f[1], f[2].contains("P"), f[2].contains("*"), orNull(f[3]), orNull(f[4]),
                f[5].equals("-") ? List.of() : List.of(f[5].split(",")));
    }

    private static String orNull(String field) {
        return field.equals("-") ? null : field;
    }
}
