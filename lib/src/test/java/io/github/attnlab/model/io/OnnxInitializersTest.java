package io.github.attnlab.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A synthetic ONNX model: naming of generated initializers, and damaged files. */
public class OnnxInitializersTest {

    public static byte[] tensor(String name, int[] dims, float[] v, boolean raw) {
        ProtoWriter t = new ProtoWriter();
        for (int d : dims) {
            t.varint(1, d);
        }
        t.varint(2, 1);
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            b.putFloat(x);
        }
        t.bytes(raw ? 9 : 4, b.array());
        t.string(8, name);
        return t.toBytes();
    }

    public static byte[] model() {
        ProtoWriter node = new ProtoWriter().string(1, "/embeddings/LayerNorm/Add_1_output_0").string(1, "onnx::MatMul_7")
                .string(2, "/encoder/layer.0/attention/self/query/MatMul_output_0")
                .string(3, "/encoder/layer.0/attention/self/query/MatMul").string(4, "MatMul");
        ProtoWriter graph = new ProtoWriter().message(1, node)
                .bytes(5, tensor("onnx::MatMul_7", new int[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6}, true))
                .bytes(5, tensor("encoder.layer.0.attention.self.query.bias", new int[] {3}, new float[] {7, 8, 9}, false))
                .string(2, "main_graph");
        return new ProtoWriter().varint(1, 7).string(2, "pytorch").message(7, graph).toBytes();
    }

    @Test
    void generatedNamesFollowTheConsumingNode() {
        Map<String, Tensor> m = OnnxInitializers.read("m.onnx", model());
        assertEquals(2, m.size());
        Tensor w = m.get("encoder.layer.0.attention.self.query.weight");
        assertArrayEquals(new int[] {2, 3}, w.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, w.data());
        assertArrayEquals(new float[] {7, 8, 9}, m.get("encoder.layer.0.attention.self.query.bias").data());
    }

    @Test
    void truncatedOrForeignBytesAreClearErrors() {
        byte[] m = model();
        var e = assertThrows(IllegalArgumentException.class,
                () -> OnnxInitializers.read("m.onnx", Arrays.copyOf(m, m.length - 9)));
        assertTrue(e.getMessage().startsWith("m.onnx") && e.getMessage().contains("truncated"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OnnxInitializers.read("x.onnx", new ProtoWriter()
                .varint(1, 7).toBytes()));
        assertEquals("x.onnx: no graph: not an ONNX model, or truncated", e.getMessage());
        byte[] bad = new ProtoWriter().message(7, new ProtoWriter().bytes(5,
                new ProtoWriter().varint(1, 4).varint(2, 1).bytes(9, new byte[12]).string(8, "w").toBytes())).toBytes();
        e = assertThrows(IllegalArgumentException.class, () -> OnnxInitializers.read("s.onnx", bad));
        assertEquals("s.onnx: tensor w has shape [4] (16 bytes) but 12 bytes of data", e.getMessage());
    }
}
