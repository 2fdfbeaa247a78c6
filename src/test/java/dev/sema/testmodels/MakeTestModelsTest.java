package dev.sema.testmodels;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Generation is deterministic per seed, skipped when up to date, and safe when several callers race. */
class MakeTestModelsTest {

    @Test
    void sameSeedGivesIdenticalFilesAndAnotherSeedDifferentWeights(@TempDir Path tmp) throws Exception {
        Path a = MakeTestModels.ensure(tmp.resolve("a"), MakeTestModels.Kind.TINY_UNMERGED, 7);
        Path b = MakeTestModels.ensure(tmp.resolve("b"), MakeTestModels.Kind.TINY_UNMERGED, 7);
        Path c = MakeTestModels.ensure(tmp.resolve("c"), MakeTestModels.Kind.TINY_UNMERGED, 8);
        String onnx = "onnx/" + NllbExport.DECODER_WITH_PAST + ".onnx";
        assertArrayEquals(Files.readAllBytes(a.resolve(onnx)), Files.readAllBytes(b.resolve(onnx)));
        assertFalse(Files.mismatch(a.resolve(onnx), c.resolve(onnx)) == -1, "seed 8 must change the weights");
    }

    @Test
    void upToDateDirectoryIsLeftAloneAndStaleOneIsRebuilt(@TempDir Path tmp) throws Exception {
        Path dir = MakeTestModels.ensure(tmp, MakeTestModels.Kind.ECHO, 1);
        Path encoder = dir.resolve("onnx/" + NllbExport.ENCODER + ".onnx");
        FileTime old = FileTime.fromMillis(0);
        Files.setLastModifiedTime(encoder, old);
        MakeTestModels.ensure(tmp, MakeTestModels.Kind.ECHO, 1);
        assertEquals(old, Files.getLastModifiedTime(encoder), "up-to-date model must not be rewritten");

        Files.writeString(dir.resolve(MakeTestModels.MARKER), "version=0\n");
        MakeTestModels.ensure(tmp, MakeTestModels.Kind.ECHO, 1);
        assertTrue(Files.getLastModifiedTime(encoder).toMillis() > 0, "stale model must be regenerated");
        try (Stream<Path> leftovers = Files.list(tmp)) {
            assertEquals(List.of(dir), leftovers.toList(), "no temporary directories left behind");
        }
    }

    @Test
    void concurrentCallersAllGetACompleteModel(@TempDir Path tmp) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                results.add(pool.submit(() -> MakeTestModels.ensure(tmp, MakeTestModels.Kind.ECHO, 3)));
            }
            for (Future<Path> r : results) {
                Path dir = r.get();
                assertTrue(Files.isRegularFile(dir.resolve("onnx/" + NllbExport.DECODER_MERGED + ".onnx")));
                assertTrue(Files.isRegularFile(dir.resolve(MakeTestModels.MARKER)));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
