package dev.sema.api.dto;

import dev.sema.languages.Language;
import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Schema(name = "LanguagesResponse", description = "Languages keyed by code, in catalogue (or ranking) order.")
public record LanguagesResponse(
        @Schema(description = "Code → language.") Map<String, LanguageInfo> languages,
        @JsonbProperty("total_count") @Schema(example = "202") int totalCount) {

    public static LanguagesResponse of(List<Language> languages) {
        Map<String, LanguageInfo> byCode = new LinkedHashMap<>();
        languages.forEach(l -> byCode.put(l.code(), LanguageInfo.from(l)));
        return new LanguagesResponse(byCode, byCode.size());
    }
}
