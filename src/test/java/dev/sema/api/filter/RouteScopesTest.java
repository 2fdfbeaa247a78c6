package dev.sema.api.filter;

import dev.sema.accounts.Scope;
import dev.sema.api.AdminKeysResource;
import dev.sema.api.AdminResource;
import dev.sema.api.DetectLanguageResource;
import dev.sema.api.LanguagesResource;
import dev.sema.api.StatusResource;
import dev.sema.api.TranslateResource;
import dev.sema.api.UsageResource;
import dev.sema.api.documents.DocumentsResource;
import dev.sema.api.audit.AuditResource;
import dev.sema.api.compat.deepl.DeepLResource;
import dev.sema.api.compat.deepl.documents.DeepLDocumentsResource;
import dev.sema.api.compat.deepl.glossaries.DeepLGlossariesResource;
import dev.sema.api.compat.deepl.glossaries.DeepLMultilingualGlossariesResource;
import dev.sema.api.compat.libretranslate.LibreTranslateFilesResource;
import dev.sema.api.compat.libretranslate.LibreTranslateResource;
import dev.sema.api.glossaries.GlossariesResource;
import dev.sema.api.glossaries.GlossaryLanguagePairsResource;
import dev.sema.api.stream.StreamResource;
import jakarta.ws.rs.HttpMethod;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The declarative route → scope mapping: every route of every resource that is not public names its scope. */
class RouteScopesTest {

    @Test
    void everyNonPublicRouteNamesItsScope() {
        Map<String, Scope> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("AdminKeysResource.create", Scope.ADMIN_KEYS),
                Map.entry("AdminKeysResource.get", Scope.ADMIN_KEYS),
                Map.entry("AdminKeysResource.list", Scope.ADMIN_KEYS),
                Map.entry("AdminKeysResource.revoke", Scope.ADMIN_KEYS),
                Map.entry("AdminKeysResource.update", Scope.ADMIN_KEYS),
                Map.entry("AdminKeysResource.usage", Scope.ADMIN_KEYS),
                Map.entry("AdminResource.reload", Scope.ADMIN_MODELS),
                Map.entry("AdminResource.slots", Scope.ADMIN_MODELS),
                Map.entry("AuditResource.events", Scope.ADMIN_AUDIT),
                Map.entry("DeepLResource.translate", Scope.TRANSLATE),
                Map.entry("DeepLDocumentsResource.upload", Scope.DOCUMENTS),
                Map.entry("DeepLDocumentsResource.status", Scope.DOCUMENTS),
                Map.entry("DeepLDocumentsResource.result", Scope.DOCUMENTS),
                Map.entry("DeepLGlossariesResource.create", Scope.GLOSSARIES),
                Map.entry("DeepLGlossariesResource.list", Scope.GLOSSARIES),
                Map.entry("DeepLGlossariesResource.get", Scope.GLOSSARIES),
                Map.entry("DeepLGlossariesResource.entries", Scope.GLOSSARIES),
                Map.entry("DeepLGlossariesResource.delete", Scope.GLOSSARIES),
                Map.entry("DeepLGlossariesResource.pairs", Scope.GLOSSARIES),
                Map.entry("DeepLMultilingualGlossariesResource.create", Scope.GLOSSARIES),
                Map.entry("DeepLMultilingualGlossariesResource.list", Scope.GLOSSARIES),
                Map.entry("DeepLMultilingualGlossariesResource.get", Scope.GLOSSARIES),
                Map.entry("DeepLMultilingualGlossariesResource.entries", Scope.GLOSSARIES),
                Map.entry("DeepLMultilingualGlossariesResource.change", Scope.GLOSSARIES),
                Map.entry("DeepLMultilingualGlossariesResource.replace", Scope.GLOSSARIES),
                Map.entry("DeepLMultilingualGlossariesResource.delete", Scope.GLOSSARIES),
                Map.entry("DeepLResource.usage", Scope.USAGE),
                Map.entry("DeepLResource.usageByPost", Scope.USAGE),
                Map.entry("DetectLanguageResource.detect", Scope.DETECT),
                Map.entry("DocumentsResource.delete", Scope.DOCUMENTS),
                Map.entry("DocumentsResource.result", Scope.DOCUMENTS),
                Map.entry("DocumentsResource.status", Scope.DOCUMENTS),
                Map.entry("DocumentsResource.upload", Scope.DOCUMENTS),
                Map.entry("LibreTranslateResource.detect", Scope.DETECT),
                Map.entry("LibreTranslateResource.translate", Scope.TRANSLATE),
                Map.entry("LibreTranslateFilesResource.translateFile", Scope.DOCUMENTS),
                Map.entry("GlossariesResource.change", Scope.GLOSSARIES),
                Map.entry("GlossariesResource.create", Scope.GLOSSARIES),
                Map.entry("GlossariesResource.delete", Scope.GLOSSARIES),
                Map.entry("GlossariesResource.entries", Scope.GLOSSARIES),
                Map.entry("GlossariesResource.get", Scope.GLOSSARIES),
                Map.entry("GlossariesResource.list", Scope.GLOSSARIES),
                Map.entry("GlossaryLanguagePairsResource.pairs", Scope.GLOSSARIES),
                Map.entry("StreamResource.stream", Scope.TRANSLATE),
                Map.entry("TranslateResource.translate", Scope.TRANSLATE),
                Map.entry("TranslateResource.translateBatch", Scope.TRANSLATE),
                Map.entry("UsageResource.usage", Scope.USAGE)));
        Map<String, Scope> found = new TreeMap<>();
        for (Class<?> resource : new Class<?>[] {AdminKeysResource.class, AdminResource.class, AuditResource.class,
                DetectLanguageResource.class, DocumentsResource.class, TranslateResource.class, StreamResource.class,
                UsageResource.class, LanguagesResource.class, StatusResource.class, DeepLResource.class,
                LibreTranslateResource.class, GlossariesResource.class, GlossaryLanguagePairsResource.class,
                DeepLDocumentsResource.class, DeepLGlossariesResource.class,
                DeepLMultilingualGlossariesResource.class, LibreTranslateFilesResource.class}) {
            for (Method m : resource.getDeclaredMethods()) {
                if (route(m)) {
                    AccessFilter.required(m, resource).ifPresent(s -> found.put(resource.getSimpleName() + "."
                            + m.getName(), s));
                }
            }
        }
        assertEquals(expected, found, "languages (also DeepL's and LibreTranslate's), status and health are public; everything else needs a scope");
    }

    private static boolean route(Method m) {
        return Arrays.stream(m.getAnnotations())
                .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
    }
}
