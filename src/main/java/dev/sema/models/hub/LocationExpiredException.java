package dev.sema.models.hub;

import java.io.IOException;

/**
 * The CDN refused a download link the Hub handed out. Such links are signed and expire (a resume can come
 * hours later), so the remedy is a fresh {@code HEAD} on the Hub for a new link, not a token.
 */
final class LocationExpiredException extends IOException {

    LocationExpiredException(String message) {
        super(message);
    }
}
