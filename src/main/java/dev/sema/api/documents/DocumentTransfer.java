package dev.sema.api.documents;

import dev.sema.accounts.ApiKey;
import dev.sema.api.filter.Caller;
import dev.sema.documents.DocumentResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A document's bytes in and out of HTTP the one way every document route does (Sema's own, DeepL's, LibreTranslate's
 * under {@code api/compat}): the upload read within the size limit, the caller's key, the result as an attachment.
 */
public final class DocumentTransfer {

    private DocumentTransfer() {
    }

    /** At most one byte more than the limit: enough to know it is too large, never the whole of a huge file. */
    public static byte[] read(EntityPart file, long maxBytes) throws IOException {
        try (InputStream in = file.getContent()) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
    }

    /** The API key of the request's caller, null for an anonymous one. */
    public static ApiKey callerKey(HttpServletRequest request) {
        return request.getAttribute(Caller.PROPERTY) instanceof Caller caller ? caller.key() : null;
    }

    /** The translated file, with its name in both the ASCII and the UTF-8 form of Content-Disposition. */
    public static Response attachment(DocumentResult result) {
        String encoded = URLEncoder.encode(result.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(result.bytes(), result.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + result.fileName()
                        .replaceAll("[^\\x20-\\x7e]|\"", "_") + "\"; filename*=UTF-8''" + encoded)
                .build();
    }
}
