package dev.sema;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package layout README draws, as import rules over the production classes: only the HTTP edge ({@code api})
 * speaks HTTP, the packages form a DAG from {@code api} down to {@code generation} (with {@code accounts} and
 * {@code identity} beside {@code guard}, used only by the edge and by {@code glossary} and {@code documents},
 * which keep their tables in the accounts database, decoder {@code batching} below {@code translation}, and
 * the word {@code alignment} beside the edge, above the {@code translation} contract it implements), and the
 * decoding
 * algorithms stay free of the server. A dependency against the arrows fails the build with the offending lines.
 */
class PackageRulesTest {

    private static JavaClasses sema;

    @BeforeAll
    static void importProductionClasses() {
        sema = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.sema");
    }

    @Test
    void onlyTheEdgeSpeaksHttp() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.sema..")
                .and().resideOutsideOfPackage("dev.sema.api..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.sema.api..", "jakarta.ws.rs..",
                        "jakarta.servlet..")
                .because("HTTP (statuses, headers, wire error codes, filters) belongs to the edge; the domain "
                        + "throws dev.sema.failure exceptions that api maps in one place");
        rule.check(sema);
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching("dev.sema.(*)..").should().beFreeOfCycles().check(sema);
    }

    @Test
    void generationImportsNothingOfSema() {
        classes().that().resideInAPackage("dev.sema.generation..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.sema.generation..", "java..")
                .because("the decoding algorithms are plain Java, testable without ONNX Runtime, CDI or a server")
                .check(sema);
    }

    /**
     * The office formats implement the {@code documents.format} contract and stand beside the documents service:
     * they see the contract (and the markup engine's vocabulary), nothing of the server, and only the edge (which
     * produces their config) and the documents service use them.
     */
    @Test
    void officeFormatsUseOnlyTheContract() {
        classes().that().resideInAPackage("dev.sema.documents.office..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.sema.documents.office..",
                        "dev.sema.documents.format..", "dev.sema.markup..", "java..", "javax.xml..", "org.w3c.dom..",
                        "org.xml.sax..", "org.jsoup..", "org.apache.poi..", "jakarta.enterprise..", "jakarta.inject..",
                        "org.eclipse.microprofile.config..")
                .because("a format reads and writes files; queueing, storage and translation are the service's")
                .check(sema);
        noClasses().that().resideInAPackage("dev.sema..")
                .and().resideOutsideOfPackages("dev.sema.api..", "dev.sema.documents..")
                .should().dependOnClassesThat().resideInAPackage("dev.sema.documents.office..")
                .check(sema);
    }

    @Test
    void layersGoTopDown() {
        Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("api").definedBy("dev.sema.api..")
                .layer("documents").definedBy("dev.sema.documents..")
                .layer("markup").definedBy("dev.sema.markup..")
                .layer("guard").definedBy("dev.sema.guard..")
                .layer("glossary").definedBy("dev.sema.glossary..")
                .layer("accounts").definedBy("dev.sema.accounts..")
                .layer("idempotency").definedBy("dev.sema.idempotency..")
                .layer("identity").definedBy("dev.sema.identity..")
                .layer("signatures").definedBy("dev.sema.signatures..")
                .layer("fleet").definedBy("dev.sema.fleet..")
                .layer("alignment").definedBy("dev.sema.alignment..")
                .layer("translation").definedBy("dev.sema.translation..")
                .layer("batching").definedBy("dev.sema.batching..")
                .layer("detection").definedBy("dev.sema.detection..")
                .layer("models").definedBy("dev.sema.models..")
                .layer("nllb").definedBy("dev.sema.nllb..")
                .layer("fasttext").definedBy("dev.sema.fasttext..")
                .layer("generation").definedBy("dev.sema.generation..")
                .layer("languages").definedBy("dev.sema.languages..")
                .layer("observability").definedBy("dev.sema.observability..")
                .layer("failure").definedBy("dev.sema.failure..")
                .layer("lifecycle").definedBy("dev.sema.lifecycle..")
                .whereLayer("api").mayNotBeAccessedByAnyLayer()
                .whereLayer("documents").mayOnlyBeAccessedByLayers("api")
                .whereLayer("markup").mayOnlyBeAccessedByLayers("api", "documents")
                .whereLayer("guard").mayOnlyBeAccessedByLayers("api")
                .whereLayer("glossary").mayOnlyBeAccessedByLayers("api", "documents")
                .whereLayer("accounts").mayOnlyBeAccessedByLayers("api", "documents", "glossary")
                .whereLayer("idempotency").mayOnlyBeAccessedByLayers("api")
                .whereLayer("fleet").mayOnlyBeAccessedByLayers("api", "guard", "idempotency", "translation",
                        "documents", "signatures")
                .whereLayer("identity").mayOnlyBeAccessedByLayers("api")
                .whereLayer("signatures").mayOnlyBeAccessedByLayers("api")
                .whereLayer("alignment").mayOnlyBeAccessedByLayers("api")
                .whereLayer("translation").mayOnlyBeAccessedByLayers("api", "guard", "alignment", "markup",
                        "documents", "glossary")
                .whereLayer("batching").mayOnlyBeAccessedByLayers("guard", "translation")
                .whereLayer("detection").mayOnlyBeAccessedByLayers("api", "guard", "translation", "markup",
                        "documents")
                .whereLayer("models").mayOnlyBeAccessedByLayers("api", "guard", "fleet", "translation", "alignment",
                        "detection", "observability")
                .whereLayer("nllb").mayOnlyBeAccessedByLayers("translation", "alignment", "batching", "models")
                .whereLayer("fasttext").mayOnlyBeAccessedByLayers("detection", "models")
                .whereLayer("generation").mayOnlyBeAccessedByLayers("translation", "batching", "nllb")
                .whereLayer("lifecycle").mayOnlyBeAccessedByLayers("api", "observability")
                .check(sema);
    }
}
