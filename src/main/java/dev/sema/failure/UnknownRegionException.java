package dev.sema.failure;

import java.util.List;

/** A region with no languages in the catalogue. */
public final class UnknownRegionException extends SemaException {

    public UnknownRegionException(String region, List<String> regions) {
        super("No languages found for region: " + region + ". Available regions: " + String.join(", ", regions));
    }
}
