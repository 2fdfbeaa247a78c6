package dev.sema.fasttext;

import java.io.IOException;
import java.nio.file.Path;

/** A fastText model file that cannot be used: missing, truncated, corrupt or of an unsupported kind. */
public class FastTextModelException extends IOException {

    private final transient Path file;

    public FastTextModelException(Path file, String problem) {
        this(file, problem, null);
    }

    public FastTextModelException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
