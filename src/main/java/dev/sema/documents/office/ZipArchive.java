package dev.sema.documents.office;

import dev.sema.documents.format.UnreadableDocumentException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * An office file's container, read safely with {@code java.util.zip}: entry count, total uncompressed size and
 * expansion ratio are counted on the bytes actually inflated, names that would leave the archive (absolute,
 * {@code ..}, drive letters) or repeat are refused, and a truncated or corrupt stream is reported as such. Entries
 * keep their order and compression method so a rebuilt file differs only in the entries that were changed.
 */
final class ZipArchive {

    /** One entry: its name, whether it was stored uncompressed, its time and content. */
    record Entry(String name, boolean stored, long time, byte[] bytes) {
    }

    private final Map<String, Entry> entries;

    private ZipArchive(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** @throws UnreadableDocumentException for a corrupt, unsafe or empty archive */
    static ZipArchive read(byte[] file, ZipLimits limits) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            long budget = limits.budgetFor(file.length);
            long total = 0;
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entries.size() >= limits.maxEntries()) {
                    throw new UnreadableDocumentException("the archive has more than " + limits.maxEntries()
                            + " entries");
                }
                String name = checkedName(entry.getName());
                byte[] bytes = readBounded(zip, budget - total);
                total += bytes.length;
                if (entries.put(name, new Entry(name, entry.getMethod() == ZipEntry.STORED, entry.getTime(), bytes))
                        != null) {
                    throw new UnreadableDocumentException("the archive holds the entry " + name + " twice");
                }
            }
        } catch (ZipException | java.io.EOFException | IllegalArgumentException e) {
            // IllegalArgumentException: an entry name that is not UTF-8 without saying so.
            throw new UnreadableDocumentException("the file is corrupt or truncated (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (entries.isEmpty()) {
            throw new UnreadableDocumentException(looksLikeZip(file)
                    ? "the file is corrupt (a zip archive without a readable entry)"
                    : "the file is not a zip archive (nor an office document)");
        }
        return new ZipArchive(entries);
    }

    /**
     * Whether an entry name readable before any problem passes the test: enough to tell formats apart without
     * trusting the file, reading entries (within the limits) only until one matches.
     */
    static boolean anyLeadingName(byte[] file, ZipLimits limits, Predicate<String> test) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            long budget = limits.budgetFor(file.length);
            long total = 0;
            int count = 0;
            for (ZipEntry entry = zip.getNextEntry(); entry != null && count++ < limits.maxEntries();
                 entry = zip.getNextEntry()) {
                if (test.test(entry.getName())) {
                    return true;
                }
                total += readBounded(zip, budget - total).length;
            }
        } catch (IOException | RuntimeException e) {
            // A damaged or unsafe file shows what it claims to be in the names before the damage; extract says why.
        }
        return false;
    }

    /** The content of a leading {@code mimetype} entry, as ODF and EPUB files start (at most 200 bytes read). */
    static Optional<String> mimetype(byte[] file) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            ZipEntry first = zip.getNextEntry();
            if (first == null || !"mimetype".equals(first.getName())) {
                return Optional.empty();
            }
            return Optional.of(new String(zip.readNBytes(200), java.nio.charset.StandardCharsets.US_ASCII).strip());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the file starts as a zip archive does (a local file header). */
    static boolean looksLikeZip(byte[] file) {
        return file.length >= 4 && file[0] == 'P' && file[1] == 'K' && file[2] == 3 && file[3] == 4;
    }

    private static String checkedName(String name) {
        String unified = name.replace('\\', '/');
        boolean escapes = unified.startsWith("/") || unified.matches("^[A-Za-z]:.*")
                || Arrays.asList(unified.split("/")).contains("..");
        if (escapes) {
            throw new UnreadableDocumentException("the archive has an entry whose path leaves it: " + name);
        }
        return name;
    }

    private static byte[] readBounded(InputStream in, long budget) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            if (out.size() + (long) n > budget) {
                throw new UnreadableDocumentException("the archive unpacks to more than its limit "
                        + "(a zip bomb: too large in total or too large a ratio to its size)");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    List<String> names() {
        return List.copyOf(entries.keySet());
    }

    boolean has(String name) {
        return entries.containsKey(name);
    }

    Optional<byte[]> bytes(String name) {
        return Optional.ofNullable(entries.get(name)).map(Entry::bytes);
    }

    byte[] require(String name) {
        return bytes(name).orElseThrow(() -> new UnreadableDocumentException("the file lacks its " + name));
    }

    /**
     * The archive again with some entries' content replaced; every other entry is copied as it was. A
     * {@code mimetype} entry (ODF, EPUB) goes first and stored, as those formats require.
     */
    byte[] with(Map<String, byte[]> replaced) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            List<Entry> ordered = new ArrayList<>(entries.values());
            ordered.sort((a, b) -> Boolean.compare(!"mimetype".equals(a.name()), !"mimetype".equals(b.name())));
            Set<String> written = new HashSet<>();
            for (Entry entry : ordered) {
                byte[] bytes = replaced.getOrDefault(entry.name(), entry.bytes());
                ZipEntry next = new ZipEntry(entry.name());
                if (entry.time() != -1) {
                    next.setTime(entry.time());
                }
                if (entry.stored() || "mimetype".equals(entry.name())) {
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    next.setMethod(ZipEntry.STORED);
                    next.setSize(bytes.length);
                    next.setCompressedSize(bytes.length);
                    next.setCrc(crc.getValue());
                }
                zip.putNextEntry(next);
                zip.write(bytes);
                zip.closeEntry();
                written.add(entry.name());
            }
            if (!written.containsAll(replaced.keySet())) {
                throw new IllegalArgumentException("only existing entries can be replaced");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
