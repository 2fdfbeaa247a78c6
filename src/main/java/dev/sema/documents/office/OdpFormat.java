package dev.sema.documents.office;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** OpenDocument Impress presentations: slides, their text boxes and tables, and speaker notes. */
@ApplicationScoped
public class OdpFormat extends OdfFormat {

    @Inject
    public OdpFormat(ZipLimits limits) {
        super(limits, "odp", "presentation");
    }

    /** For the CDI client proxy only. */
    protected OdpFormat() {
        this(null);
    }
}
