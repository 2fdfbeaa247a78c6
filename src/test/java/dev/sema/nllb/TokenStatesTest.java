package dev.sema.nllb;

import ai.onnxruntime.OnnxJavaType;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenStatesTest {

    @Test
    void halfPrecisionWidensExactly() {
        assertEquals(1.0f, TokenStates.halfToFloat((short) 0x3c00));
        assertEquals(-2.0f, TokenStates.halfToFloat((short) 0xc000));
        assertEquals(65504f, TokenStates.halfToFloat((short) 0x7bff));
        assertEquals(0x1p-24f, TokenStates.halfToFloat((short) 0x0001));      // smallest subnormal
        assertEquals(0x1.ff8p-15f, TokenStates.halfToFloat((short) 0x03ff));  // largest subnormal
        assertEquals(0x1p-14f, TokenStates.halfToFloat((short) 0x0400));      // smallest normal
        assertEquals(Float.floatToIntBits(-0.0f), Float.floatToIntBits(TokenStates.halfToFloat((short) 0x8000)));
        assertEquals(Float.POSITIVE_INFINITY, TokenStates.halfToFloat((short) 0x7c00));
        assertEquals(Float.NEGATIVE_INFINITY, TokenStates.halfToFloat((short) 0xfc00));
        assertTrue(Float.isNaN(TokenStates.halfToFloat((short) 0x7e00)));
    }

    @Test
    void readsOneRowsTokensFromFloatAndHalfStates() {
        // 2 rows x 3 tokens x width 2, value = 10·row + token + channel/2
        ByteBuffer floats = ByteBuffer.allocate(12 * Float.BYTES).order(ByteOrder.nativeOrder());
        ByteBuffer halves = ByteBuffer.allocate(12 * Short.BYTES).order(ByteOrder.nativeOrder());
        short[] halfOf = {0x0000, 0x3800, 0x3c00, 0x3e00, 0x4000, 0x4100,
                          0x4900, 0x4940, 0x4980, 0x49c0, 0x4a00, 0x4a40};
        for (int i = 0; i < 12; i++) {
            int row = i / 6, token = i / 2 % 3, channel = i % 2;
            floats.putFloat(i * Float.BYTES, 10 * row + token + channel / 2f);
            halves.putShort(i * Short.BYTES, halfOf[i]);
        }
        ByteBuffer mask = ByteBuffer.allocate(6 * Long.BYTES);
        EncodedBatch fp32 = new EncodedBatch(2, 3, 2, floats, OnnxJavaType.FLOAT, mask);
        EncodedBatch fp16 = new EncodedBatch(2, 3, 2, halves, OnnxJavaType.FLOAT16, mask);
        float[][] expected = {{11f, 11.5f}, {12f, 12.5f}};
        assertArrayEquals(expected, fp32.tokenStates(1, 1, 3));
        assertArrayEquals(expected, fp16.tokenStates(1, 1, 3));
        assertArrayEquals(new float[][]{{0f, 0.5f}}, fp16.tokenStates(0, 0, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> fp32.tokenStates(2, 0, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> fp32.tokenStates(0, 2, 4));
    }
}
