package dev.sema.fleet;

import java.util.List;

/**
 * An admin reload, as one replica tells the others (JSON on the reload channel).
 *
 * @param origin   id of the replica that was asked, which has started its own reload already
 * @param slots    the model slots to reload ({@code translation}, {@code language_identification})
 * @param revision Hub revision of the translation model, null for the configured one
 */
public record ReloadOrder(String origin, List<String> slots, String revision) {
}
