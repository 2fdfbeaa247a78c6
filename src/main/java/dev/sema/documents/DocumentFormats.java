package dev.sema.documents;

import dev.sema.documents.format.DocumentFormat;
import dev.sema.documents.format.FileSample;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Every {@link DocumentFormat} bean of the application, found through CDI: a format is one new class, on any
 * branch. A file goes to the recognising format of lowest {@link DocumentFormat#generality()}, ties in name order,
 * so that every replica decides alike.
 */
@ApplicationScoped
public class DocumentFormats {

    private final List<DocumentFormat> formats;

    @Inject
    public DocumentFormats(@Any Instance<DocumentFormat> beans) {
        this(beans == null ? List.of() : StreamSupport.stream(beans.spliterator(), false).toList());
    }

    DocumentFormats(List<DocumentFormat> formats) {
        this.formats = formats.stream().sorted(Comparator.comparingInt(DocumentFormat::generality)
                .thenComparing(DocumentFormat::name)).toList();
    }

    /** For the CDI client proxy only. */
    protected DocumentFormats() {
        this(List.of());
    }

    public Optional<DocumentFormat> recognise(FileSample sample) {
        return formats.stream().filter(f -> f.recognises(sample)).findFirst();
    }

    public Optional<DocumentFormat> named(String name) {
        return formats.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The formats' names, for errors and the documentation. */
    public List<String> names() {
        return formats.stream().map(DocumentFormat::name).sorted().toList();
    }
}
