package dev.sema.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class GenerationConfigTest {

    @Test
    void defaultsAreNllbsGenerationConfig() {
        GenerationConfig config = GenerationConfig.builder().build();
        assertEquals(2, config.decoderStartTokenId());
        assertEquals(2, config.eosTokenId());
        assertEquals(1, config.padTokenId());
        assertEquals(1, config.numBeams());
        assertEquals(1.0, config.lengthPenalty());
        assertEquals(200, config.maxNewTokens(5));
        assertEquals(-1, config.forcedBosTokenId(0));
    }

    @Test
    void outputLengthRuleScalesWithTheSourceUpToTheCap() {
        assertEquals(10, OutputLengthRule.DEFAULT.maxNewTokens(0));
        assertEquals(30, OutputLengthRule.DEFAULT.maxNewTokens(10));
        assertEquals(200, OutputLengthRule.DEFAULT.maxNewTokens(95));
        assertEquals(200, OutputLengthRule.DEFAULT.maxNewTokens(5000));
        assertEquals(27, new OutputLengthRule(1.5, 10, 512).maxNewTokens(11), "ceil(16.5) + 10");
        assertThrows(IllegalArgumentException.class, () -> new OutputLengthRule(-1, 0, 5));
        assertThrows(IllegalArgumentException.class, () -> new OutputLengthRule(1, 0, 0));
    }

    @Test
    void perRowListsBroadcastASingleEntry() {
        GenerationConfig config = GenerationConfig.builder().maxNewTokens(OutputLengthRule.DEFAULT, 3, 100)
                .forcedBosTokenIds(7).build();
        assertEquals(List.of(16, 200), config.maxNewTokens());
        assertEquals(200, config.maxNewTokens(1));
        assertEquals(7, config.forcedBosTokenId(1));
        config.validate(2, 10);
        assertThrows(IllegalArgumentException.class, () -> config.validate(3, 10));
    }

    @Test
    void rejectsInconsistentSettingsWithTheReason() {
        assertMessage("numReturnSequences", () -> GenerationConfig.builder().numBeams(2).numReturnSequences(3).build());
        assertMessage("numBeams", () -> GenerationConfig.builder().numBeams(0).build());
        assertMessage("repetitionPenalty", () -> GenerationConfig.builder().repetitionPenalty(0).build());
        assertMessage("maxNewTokens", () -> GenerationConfig.builder().maxNewTokens(0).build());
        GenerationConfig outside = GenerationConfig.builder().suppressTokens(Set.of(256204, 256205)).build();
        assertMessage("256204, 256205", () -> outside.validate(1, 256204));
        outside.validate(1, 256206);
    }

    private static void assertMessage(String part, Executable executable) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, executable);
        assertTrue(error.getMessage().contains(part), error.getMessage());
    }
}
