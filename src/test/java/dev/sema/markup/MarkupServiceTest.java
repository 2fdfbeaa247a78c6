package dev.sema.markup;

import dev.sema.batching.Cancellation;
import dev.sema.languages.LanguageCatalogue;
import dev.sema.models.ModelStatus;
import dev.sema.translation.SegmentListener;
import dev.sema.translation.SegmentedText;
import dev.sema.translation.TranslationEngine;
import dev.sema.translation.TranslationOptions;
import dev.sema.translation.TranslationOutput;
import dev.sema.translation.TranslationService;
import dev.sema.translation.WordAligner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the markup service asks of the engine and the aligner: encoder states only for a call whose documents have
 * tags to project (a document of plain paragraphs, such as most of a .docx, costs no copy of them), and an
 * alignment only for a unit with tags.
 */
class MarkupServiceTest {

    private static final ModelStatus READY = new ModelStatus("test", ModelStatus.State.READY, null, null, Map.of());

    /** Upper-cases every text and records whether each call asked for encoder states. */
    private static final class StatesRecorder implements TranslationEngine {
        final List<Boolean> sourceStates = new ArrayList<>();

        @Override
        public List<TranslationOutput> translate(List<String> texts, String source, String target,
                                                 TranslationOptions options, Cancellation cancellation) {
            sourceStates.add(options.sourceStates());
            return texts.stream().map(t -> new TranslationOutput(t.toUpperCase(Locale.ROOT), List.of())).toList();
        }

        @Override
        public SegmentedText segment(String text, String source, String target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void stream(SegmentedText text, String source, String target, TranslationOptions options,
                           Cancellation cancellation, SegmentListener listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ModelStatus status() {
            return READY;
        }
    }

    private final StatesRecorder engine = new StatesRecorder();
    private final List<String> aligned = new ArrayList<>();
    private final LanguageCatalogue catalogue = new LanguageCatalogue();
    private final WordAligner aligner = (source, sourceLanguage, target, targetLanguage, segments) -> {
        aligned.add(source);
        return List.of();
    };
    private final MarkupService service = new MarkupService(new TranslationService(engine, null, catalogue), null,
            catalogue, aligner);

    private List<String> translate(String... markup) {
        List<MarkupDocument> documents = List.of(markup).stream()
                .map(m -> MarkupDocument.read("file", m, MarkupOptions.xml())).toList();
        return service.translate(documents, "eng_Latn", "fra_Latn", TranslationOptions.BACKGROUND).translations()
                .stream().map(t -> t.text()).toList();
    }

    @Test
    void plainParagraphsAskForNoStatesAndNoAlignment() {
        assertEquals(List.of("<p>ONE PARAGRAPH.</p>", "<p>ANOTHER ONE.</p>"),
                translate("<p>One paragraph.</p>", "<p>Another one.</p>"));
        assertEquals(List.of(false), engine.sourceStates);
        assertEquals(List.of(), aligned);
    }

    @Test
    void oneTaggedDocumentAsksForTheStatesOfItsCall() {
        assertEquals(List.of("<p>PLAIN.</p>", "<p>CLICK <g id=\"1\">HERE</g> NOW.</p>"),
                translate("<p>Plain.</p>", "<p>Click <g id=\"1\">here</g> now.</p>"));
        assertEquals(List.of(true), engine.sourceStates);
        assertEquals(List.of("Click here now."), aligned);
    }

    @Test
    void tagsAreWhatMakesADocumentTagged() {
        assertEquals(false, MarkupDocument.read("f", "<p>Just text.</p>", MarkupOptions.xml()).tagged());
        assertEquals(true, MarkupDocument.read("f", "<p>A <x id=\"1\"/> break.</p>", MarkupOptions.xml()).tagged());
        assertEquals(true, MarkupDocument.read("f", "<p><b>Bold</b> text.</p>", MarkupOptions.xml()).tagged());
    }
}
