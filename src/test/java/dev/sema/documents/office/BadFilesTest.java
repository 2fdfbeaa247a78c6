package dev.sema.documents.office;

import dev.sema.documents.format.DocumentFormat;
import dev.sema.documents.format.FileSample;
import dev.sema.documents.format.UnreadableDocumentException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files no format may translate: each is refused with {@link UnreadableDocumentException} and a reason a person
 * understands, by extract and by rebuild alike, and never as another exception.
 */
class BadFilesTest {

    private static final ZipLimits LIMITS = new ZipLimits(100, 8L * 1024 * 1024, 50);
    private final DocxFormat docx = new DocxFormat(LIMITS);

    @Test
    void aZipBombIsRefusedByItsExpansion() throws IOException {
        byte[] bomb = docxWith("word/padding.xml", new byte[20 * 1024 * 1024]);
        assertTrue(bomb.length < 100_000, "20 MiB of zeros deflate to " + bomb.length + " bytes");
        assertTrue(docx.recognises(new FileSample("bomb.docx", bomb)), "recognised, so that extract says why not");
        assertRefused(bomb, "zip bomb");
    }

    @Test
    void anArchiveOverItsTotalIsRefusedEvenAtAnOrdinaryRatio() throws IOException {
        ZipLimits small = new ZipLimits(100, 64 * 1024, 1_000_000);
        byte[] large = docxWith("word/media/noise.bin", randomBytes(100 * 1024));
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> new DocxFormat(small).extract(large));
        assertTrue(e.getMessage().contains("more than its limit"), e.getMessage());
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i <= LIMITS.maxEntries(); i++) {
                zip.putNextEntry(new ZipEntry("word/part" + i + ".xml"));
                zip.write("<a/>".getBytes(StandardCharsets.UTF_8));
            }
        }
        assertRefused(out.toByteArray(), "more than 100 entries");
    }

    @Test
    void anEntryLeavingTheArchiveIsRefused() throws IOException {
        for (String name : List.of("../../etc/cron.d/evil", "/etc/passwd", "word/../../evil.xml", "C:\\evil.xml",
                "word\\..\\..\\evil.xml")) {
            assertRefused(docxWith(name, "<a/>".getBytes(StandardCharsets.UTF_8)), "leaves it");
        }
    }

    @Test
    void aTruncatedOrCorruptFileIsRefused() throws IOException {
        byte[] file = OoxmlFixtures.docx();
        assertRefused(Arrays.copyOf(file, file.length / 2), "corrupt or truncated");
        byte[] corrupt = file.clone();
        for (int i = 100; i < corrupt.length / 2; i += 7) {
            corrupt[i] ^= 0x5a;
        }
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class, () -> docx.extract(corrupt));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
        assertRefused("PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1), "corrupt");
        assertRefused("plain text".getBytes(StandardCharsets.UTF_8), "not a zip archive");
    }

    @Test
    void anEntryNameThatIsNotUtf8IsCorrupt() throws IOException {
        byte[] file = docxWith("word/caf\u00e9.xml", "<a/>".getBytes(StandardCharsets.UTF_8));
        byte[] latin1 = file.clone();
        // The name's UTF-8 bytes (C3 A9) become an invalid sequence (C3 28) while the UTF-8 flag stays set.
        for (int i = 0; i + 1 < latin1.length; i++) {
            if ((latin1[i] & 0xff) == 0xc3 && (latin1[i + 1] & 0xff) == 0xa9) {
                latin1[i + 1] = 0x28;
            }
        }
        assertRefused(latin1, "corrupt");
    }

    @Test
    void xmlNestedThousandsDeepIsRefusedByTheParser() throws IOException {
        ZipArchive archive = ZipArchive.read(OoxmlFixtures.docx(), OfficeCases.LIMITS);
        String document = new String(archive.require("word/document.xml"), StandardCharsets.UTF_8);
        String deep = "<w:sdt>".repeat(20_000) + "</w:sdt>".repeat(20_000);
        String nested = document.replaceFirst("<w:body>", "<w:body>" + deep);
        byte[] file = archive.with(java.util.Map.of("word/document.xml", nested.getBytes(StandardCharsets.UTF_8)));
        // Nesting compresses so well that this test's ratio would refuse it first: the default limits let it in.
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> new DocxFormat(OfficeCases.LIMITS).extract(file));
        assertTrue(e.getMessage().contains("not well-formed XML"), e.getMessage());
        assertTrue(e.getCause().getMessage().contains("1000"), e.getCause().getMessage());
    }

    /** Strict's namespaces in POI's docx: text the dialects would not see must not come back untranslated. */
    @Test
    void strictOfficeOpenXmlIsRefusedRatherThanLeftUntranslated() throws IOException {
        ZipArchive archive = ZipArchive.read(OoxmlFixtures.docx(), OfficeCases.LIMITS);
        String strict = new String(archive.require("word/document.xml"), StandardCharsets.UTF_8).replace(
                "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                "http://purl.oclc.org/ooxml/wordprocessingml/main");
        assertRefused(archive.with(java.util.Map.of("word/document.xml", strict.getBytes(StandardCharsets.UTF_8))),
                "Strict Office Open XML");
    }

    @Test
    void aPackageWithoutContentTypesIsNotOfficeOpenXml() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<a/>".getBytes(StandardCharsets.UTF_8));
        }
        assertRefused(out.toByteArray(), "[Content_Types].xml is missing");
    }

    @Test
    void aPasswordProtectedDocxIsRecognisedAndRefused() throws Exception {
        byte[] encrypted = encrypt(OoxmlFixtures.docx(), "secret");
        assertTrue(PackageProtection.isOle2(encrypted));
        List<DocumentFormat> formats = List.of(docx, new PptxFormat(LIMITS), new XlsxFormat(LIMITS));
        assertEquals(List.of(true, false, false), formats.stream()
                .map(f -> f.recognises(new FileSample("contract.docx", encrypted))).toList());
        assertEquals(List.of(false, false, true), formats.stream()
                .map(f -> f.recognises(new FileSample("prices.xlsx", encrypted))).toList());
        assertEquals(List.of(true, false, false), formats.stream()
                .map(f -> f.recognises(new FileSample(null, encrypted))).toList());
        assertRefused(encrypted, "password-protected");
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> new XlsxFormat(LIMITS).extract(encrypted));
        assertTrue(e.getMessage().contains("password-protected"), e.getMessage());
    }

    @Test
    void aLegacyBinaryFileIsNamedAsSuch() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (POIFSFileSystem ole = new POIFSFileSystem()) {
            ole.createDocument(new ByteArrayInputStream(new byte[600]), "WordDocument");
            ole.writeFilesystem(out);
        }
        assertRefused(out.toByteArray(), "legacy binary Office file");
    }

    /** Agile encryption, as Office 2010 and later write it, by POI's own encryptor. */
    static byte[] encrypt(byte[] docx, String password) throws Exception {
        try (POIFSFileSystem ole = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword(password);
            try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(docx));
                 OutputStream data = encryptor.getDataStream(ole)) {
                pkg.save(data);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ole.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    private void assertRefused(byte[] file, String reason) {
        UnreadableDocumentException extract = assertThrows(UnreadableDocumentException.class,
                () -> docx.extract(file));
        assertTrue(extract.getMessage().contains(reason), () -> extract.getMessage() + " lacks " + reason);
        UnreadableDocumentException rebuild = assertThrows(UnreadableDocumentException.class,
                () -> docx.rebuild(file, List.of(), "fr"));
        assertEquals(extract.getMessage(), rebuild.getMessage());
    }

    /** POI's docx with one more entry. */
    private static byte[] docxWith(String name, byte[] content) throws IOException {
        ZipArchive archive = ZipArchive.read(OoxmlFixtures.docx(), OfficeCases.LIMITS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            for (String entry : archive.names()) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(archive.require(entry));
            }
        }
        return out.toByteArray();
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(42).nextBytes(bytes);
        return bytes;
    }
}
