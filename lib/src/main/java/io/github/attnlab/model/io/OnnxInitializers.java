package io.github.attnlab.model.io;

import io.github.attnlab.core.Check;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the float initializers (the weights) of an ONNX model, naming the unnamed ones from the graph.
 *
 * <p>An ONNX file is a protocol-buffer {@code ModelProto}; its {@code graph} holds the nodes and the
 * initializers ({@code TensorProto}: dims, data type, and the values as {@code raw_data} or
 * {@code float_data}). Exporters from PyTorch keep parameter names for biases and norms but give
 * the projection matrices of {@code MatMul} nodes generated names such as {@code onnx::MatMul_885};
 * their real name follows from the node that consumes them: the initializer that is the second
 * input of node {@code /encoder/layer.0/attention/self/query/MatMul} is
 * {@code encoder.layer.0.attention.self.query.weight}, stored {@code [in, out]}.
 */
public final class OnnxInitializers {

    private static final int FLOAT = 1;
    private static final String GENERATED = "onnx::";

    private OnnxInitializers() {
    }

    /**
     * Every float initializer of the model, generated names replaced by the consuming node's path.
     *
     * @param fileName a label of the file for error messages
     * @param model    the bytes of the {@code .onnx} file
     * @throws IllegalArgumentException naming the file and tensor when the file is malformed
     */
    public static Map<String, Tensor> read(String fileName, byte[] model) {
        Check.notNull("model", model);
        ProtoReader m = new ProtoReader(model, 0, model.length, fileName);
        ProtoReader graph = null;
        while (m.next()) {
            if (m.field() == 7 && m.wireType() == ProtoReader.LENGTH_DELIMITED) {
                graph = m.message(fileName + " graph");
            } else {
                m.skip();
            }
        }
        if (graph == null) {
            throw new IllegalArgumentException(fileName + ": no graph: not an ONNX model, or truncated");
        }
        Map<String, Tensor> raw = new LinkedHashMap<>();
        Map<String, String> realNames = new HashMap<>();
        while (graph.next()) {
            if (graph.field() == 5) {
                Tensor t = initializer(graph.message(fileName + " initializer"), fileName);
                if (t != null) {
                    raw.put(t.name(), t);
                }
            } else if (graph.field() == 1) {
                node(graph.message(fileName + " node"), realNames);
            } else {
                graph.skip();
            }
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Tensor t : raw.values()) {
            String name = t.name().startsWith(GENERATED) ? realNames.getOrDefault(t.name(), t.name()) : t.name();
            if (out.put(name, t.renamed(name)) != null) {
                throw new IllegalArgumentException(fileName + ": two initializers are named " + name);
            }
        }
        return out;
    }

    private static void node(ProtoReader n, Map<String, String> realNames) {
        List<String> inputs = new ArrayList<>();
        String name = "";
        String op = "";
        while (n.next()) {
            switch (n.field()) {
                case 1 -> inputs.add(n.string());
                case 3 -> name = n.string();
                case 4 -> op = n.string();
                default -> n.skip();
            }
        }
        if (op.equals("MatMul") && inputs.size() == 2 && inputs.get(1).startsWith(GENERATED)
                && name.startsWith("/") && name.endsWith("/MatMul")) {
            String path = name.substring(1, name.length() - "/MatMul".length()).replace('/', '.');
            realNames.put(inputs.get(1), path + ".weight");
        }
    }

    private static Tensor initializer(ProtoReader t, String fileName) {
        List<Long> dims = new ArrayList<>();
        int type = 0;
        String name = "";
        int[] raw = null;
        int[] packed = null;
        boolean external = false;
        while (t.next()) {
            switch (t.field()) {
                case 1 -> t.int64s(dims);
                case 2 -> type = (int) t.varint();
                case 4 -> {
                    if (t.wireType() != ProtoReader.LENGTH_DELIMITED) {
                        throw new IllegalArgumentException(fileName + ": unpacked float_data is not supported");
                    }
                    packed = t.range();
                }
                case 8 -> name = t.string();
                case 9 -> raw = t.range();
                case 13, 14 -> {
                    external = true;
                    t.skip();
                }
                default -> t.skip();
            }
        }
        if (type != FLOAT) {
            return null;
        }
        if (external) {
            throw new IllegalArgumentException(fileName + ": tensor " + name + " keeps its data in an external file,"
                    + " which is not supported");
        }
        int[] shape = new int[dims.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = Math.toIntExact(dims.get(i));
            count *= shape[i];
        }
        int[] bytes = raw != null ? raw : packed;
        long have = bytes == null ? 0 : bytes[1] - bytes[0];
        if (have != 4 * count) {
            throw new IllegalArgumentException(fileName + ": tensor " + name + " has shape "
                    + java.util.Arrays.toString(shape) + " (" + 4 * count + " bytes) but " + have + " bytes of data");
        }
        float[] v = new float[(int) count];
        ByteBuffer.wrap(t.buffer(), bytes[0], (int) have).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return new Tensor(name, shape, v);
    }
}
