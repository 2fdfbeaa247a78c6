package dev.sema.documents.office;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * PowerPoint presentations: every slide's text (shapes, text boxes, tables) and the speaker notes. Layouts and
 * masters (placeholder prompts), charts and SmartArt are not translated; timings and animations are not touched.
 */
@ApplicationScoped
public class PptxFormat extends OoxmlFormat {

    @Inject
    public PptxFormat(ZipLimits limits) {
        super(limits, "ppt/", new PackageKind("pptx",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation", OoxmlDialect.drawing(),
                LanguageAttributes::drawing, List.of("ppt/slides/slide(\\d+)\\.xml",
                "ppt/notesSlides/notesSlide(\\d+)\\.xml"), List.of("ppt/presentation\\.xml")));
    }

    /** For the CDI client proxy only. */
    protected PptxFormat() {
        this(null);
    }
}
