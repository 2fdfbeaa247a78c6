package dev.sema.documents.office;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a translated package may differ in from its original: its text entries, nothing else. */
public final class PackageEntries {

    private PackageEntries() {
    }

    /** Only the entries holding text and languages may differ, and every entry keeps its place and method. */
    public static void assertOnlyTextEntriesChanged(OfficeCases.Case c, byte[] out) {
        ZipArchive before = ZipArchive.read(c.file(), OfficeCases.LIMITS);
        ZipArchive after = ZipArchive.read(out, OfficeCases.LIMITS);
        assertEquals(before.names(), after.names());
        List<String> changed = new ArrayList<>();
        for (String entry : before.names()) {
            if (!java.util.Arrays.equals(before.require(entry), after.require(entry))) {
                changed.add(entry);
            }
        }
        assertFalse(changed.isEmpty());
        for (String entry : changed) {
            assertTrue(entry.endsWith(".xml") || entry.endsWith(".xhtml") || entry.endsWith(".opf"),
                    () -> c.name() + ": " + entry + " changed");
            assertFalse(entry.contains("_rels") || entry.equals("[Content_Types].xml")
                    || entry.startsWith("META-INF"), () -> c.name() + ": " + entry + " changed");
        }
    }
}
