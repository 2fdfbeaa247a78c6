package dev.sema.languages;

import java.util.Map;

/**
 * Counts over the catalogue.
 *
 * @param byRegion languages per region, in {@link LanguageCatalogue#REGIONS} order
 */
public record LanguageStats(int totalLanguages, int regions, int scripts, int popular, int african,
                           Map<String, Integer> byRegion) {
}
