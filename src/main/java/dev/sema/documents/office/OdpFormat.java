package dev.sema.documents.office;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** OpenDocument Impress presentations: slides, their text boxes and tables, and speaker notes. */
@ApplicationScoped
public class OdpFormat extends OdfFormat {

    @Inject
    public OdpFormat(ZipLimits limits) {
        super(limits);
    }

    /** For the CDI client proxy only. */
    protected OdpFormat() {
        this(null);
    }

    @Override
    public String name() {
        return "odp";
    }

    @Override
    public String contentType() {
        return "application/vnd.oasis.opendocument.presentation";
    }
}
