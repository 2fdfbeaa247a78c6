package dev.sema.api.glossaries;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Which pairs a dictionary may have: NLLB translates between any two of its languages, so every ordered pair of
 * two different listed languages (some 40,000, hence not enumerated).
 */
@Schema(name = "GlossaryLanguagePairs")
public record LanguagePairs(@JsonbProperty("any_pair") @Schema(description = "Always true: any ordered pair of two"
                                    + " different languages below.") boolean anyPair,
                            @Schema(description = "Canonical FLORES-200 codes.") List<String> languages) {
}
