package dev.sema.languages;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The committed catalogue is exactly what the generator derives from the source table and CLDR. */
class CatalogueGeneratorTest {

    @Test
    void committedCatalogueMatchesGenerator() throws Exception {
        String generated = CatalogueGenerator.generate();
        if (Boolean.getBoolean("sema.regenerate-catalogue")) {
            Files.writeString(CatalogueGenerator.TARGET, generated, StandardCharsets.UTF_8);
        }
        String committed = Files.readString(CatalogueGenerator.TARGET, StandardCharsets.UTF_8);
        assertEquals(generated, committed, CatalogueGenerator.TARGET + " is stale: rerun with"
                + " -Dtest=CatalogueGeneratorTest -Dsema.regenerate-catalogue=true and commit the result");
    }
}
