package dev.sema.documents.office;

import org.eclipse.microprofile.config.Config;

/**
 * Bounds on what an uploaded archive may unpack to, checked while it is read (never trusting the sizes it
 * declares), so a zip bomb costs at most these bytes of memory and inflation.
 *
 * @param maxEntries        entries in one archive
 * @param maxTotalBytes     uncompressed bytes of all entries together
 * @param maxExpansionRatio uncompressed bytes per byte of the archive (office files stay far below)
 */
public record ZipLimits(int maxEntries, long maxTotalBytes, int maxExpansionRatio) {

    public ZipLimits {
        if (maxEntries < 1 || maxTotalBytes < 1 || maxExpansionRatio < 1) {
            throw new IllegalArgumentException("zip limits must be positive");
        }
    }

    public static ZipLimits from(Config config) {
        return new ZipLimits(config.getValue("sema.document-zip-max-entries", int.class),
                config.getValue("sema.document-zip-max-bytes", long.class),
                config.getValue("sema.document-zip-max-ratio", int.class));
    }

    /** The uncompressed total an archive of this size may reach: the smaller of both bounds. */
    long budgetFor(long archiveBytes) {
        return Math.min(maxTotalBytes, Math.max(archiveBytes, 1) * (long) maxExpansionRatio);
    }
}
