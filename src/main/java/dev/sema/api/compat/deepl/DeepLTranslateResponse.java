package dev.sema.api.compat.deepl;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "DeepLTranslateResponse")
public record DeepLTranslateResponse(List<DeepLTranslation> translations) {
}
