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
        super(limits, "ppt/");
    }

    /** For the CDI client proxy only. */
    protected PptxFormat() {
        this(null);
    }

    @Override
    public String name() {
        return "pptx";
    }

    @Override
    public String contentType() {
        return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    }

    @Override
    List<String> textEntries(ZipArchive archive) {
        return entries(archive, "ppt/slides/slide(\\d+)\\.xml", "ppt/notesSlides/notesSlide(\\d+)\\.xml");
    }

    @Override
    Dialect dialect() {
        return OoxmlDialect.drawing();
    }

    @Override
    List<String> languageEntries(ZipArchive archive) {
        return entries(archive, "ppt/presentation\\.xml");
    }

    @Override
    LanguageAttributes languages() {
        return LanguageAttributes::drawing;
    }
}
