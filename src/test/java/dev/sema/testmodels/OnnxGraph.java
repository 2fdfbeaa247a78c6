package dev.sema.testmodels;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal ONNX graph builder over the protobuf classes. Subgraphs (for {@code If}) share the root's
 * initializers and name counter, so every weight and constant lives once in the main graph and the
 * branches reference it as an outer-scope value, as Optimum's merged decoders do.
 */
final class OnnxGraph {
    static final TensorProto.DataType FLOAT = TensorProto.DataType.FLOAT;
    static final TensorProto.DataType INT64 = TensorProto.DataType.INT64;
    static final TensorProto.DataType BOOL = TensorProto.DataType.BOOL;

    private final GraphProto.Builder proto = GraphProto.newBuilder();
    private final OnnxGraph root;
    private final String prefix;
    private final AtomicInteger counter;
    private final TensorStore store;
    private final Map<String, String> constants;
    private final boolean quantized;

    OnnxGraph(String name, TensorStore store) {
        this(name, store, false);
    }

    /** With {@code quantized}, model code writes its weights as 8-bit ({@link DynamicQuantization}). */
    OnnxGraph(String name, TensorStore store, boolean quantized) {
        proto.setName(name);
        this.root = this;
        this.prefix = "";
        this.counter = new AtomicInteger();
        this.store = store;
        this.constants = new HashMap<>();
        this.quantized = quantized;
    }

    private OnnxGraph(OnnxGraph parent, String name) {
        proto.setName(name);
        this.root = parent.root;
        this.prefix = name + "/";
        this.counter = root.counter;
        this.store = root.store;
        this.constants = root.constants;
        this.quantized = root.quantized;
    }

    /** Whether this graph belongs to a {@code _quantized} file. */
    boolean quantized() {
        return quantized;
    }

    /** A branch graph whose value names cannot collide with this graph's. */
    OnnxGraph subgraph(String name) {
        return new OnnxGraph(this, name);
    }

    /** Declares a graph input; dims are Long/Integer (fixed) or String (symbolic). */
    String input(String name, TensorProto.DataType type, Object... dims) {
        proto.addInput(valueInfo(name, type, dims));
        return name;
    }

    /** Declares {@code value} as the graph output {@code name}, adding an Identity when they differ. */
    void output(String value, String name, TensorProto.DataType type, Object... dims) {
        if (!value.equals(name)) {
            proto.addNode(NodeProto.newBuilder().setOpType("Identity").addInput(value).addOutput(name)
                    .setName("rename_" + name));
        }
        proto.addOutput(valueInfo(name, type, dims));
    }

    String op(String opType, List<String> inputs, AttributeProto... attrs) {
        return ops(opType, 1, inputs, attrs)[0];
    }

    String op(String opType, String... inputs) {
        return op(opType, List.of(inputs));
    }

    String[] ops(String opType, int outputs, List<String> inputs, AttributeProto... attrs) {
        int id = counter.incrementAndGet();
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(opType).setName(prefix + opType + "_" + id)
                .addAllInput(inputs).addAllAttribute(Arrays.asList(attrs));
        String[] names = new String[outputs];
        for (int i = 0; i < outputs; i++) {
            names[i] = prefix + opType + "_" + id + (outputs == 1 ? "" : "_" + i);
            node.addOutput(names[i]);
        }
        proto.addNode(node);
        return names;
    }

    /** A node with explicitly named outputs (used where the outputs are the graph's own outputs). */
    void node(String opType, List<String> inputs, List<String> outputs, AttributeProto... attrs) {
        proto.addNode(NodeProto.newBuilder().setOpType(opType).setName(prefix + opType + "_" + counter.incrementAndGet())
                .addAllInput(inputs).addAllOutput(outputs).addAllAttribute(Arrays.asList(attrs)));
    }

    /** Adds a named initializer to the root graph once; later calls with the same name reuse it. */
    String weight(String name, long[] dims, Init init) {
        return root.constants.computeIfAbsent("w:" + name, k -> {
            root.proto.addInitializer(store.tensor(name, dims, init));
            return name;
        });
    }

    /**
     * Adds the 8-bit copy of a weight to the root graph once, as onnxruntime's quantizer names it:
     * {@code <name>_quantized} (int8 when {@code signed}, else uint8), {@code <name>_scale} (float scalar) and
     * {@code <name>_zero_point} (scalar of the data's type). The float weight itself is not written.
     */
    DynamicQuantization.Weight quantizedWeight(String name, long[] dims, Init init, boolean signed) {
        String data = root.constants.computeIfAbsent("q:" + name, k -> {
            long count = Arrays.stream(dims).reduce(1, Math::multiplyExact);
            QuantParams q = QuantParams.of(init, count, signed);
            root.proto.addInitializer(store.quantized(name + "_quantized", dims, init, q));
            root.proto.addInitializer(TensorProto.newBuilder().setName(name + "_scale")
                    .setDataType(FLOAT.getNumber()).addFloatData(q.scale()));
            root.proto.addInitializer(TensorProto.newBuilder().setName(name + "_zero_point")
                    .setDataType(q.type().getNumber())
                    .setRawData(ByteString.copyFrom(new byte[]{(byte) q.zeroPoint()})));
            return name + "_quantized";
        });
        return new DynamicQuantization.Weight(data, name + "_scale", name + "_zero_point");
    }

    /**
     * A node of the root graph computed from constants only, added once and shared by every branch, so that
     * onnxruntime folds it into one initializer at load instead of one per {@code If} branch.
     */
    String sharedOp(String opType, List<String> inputs, AttributeProto... attrs) {
        String key = "n:" + opType + inputs + Arrays.toString(attrs);
        String existing = root.constants.get(key);
        if (existing != null) {
            return existing;
        }
        String value = root.op(opType, inputs, attrs);
        root.constants.put(key, value);
        return value;
    }

    /** An int64 constant (1-D, or a scalar when {@code scalar}) shared by all graphs. */
    String ints(boolean scalar, long... values) {
        String key = "i:" + scalar + Arrays.toString(values);
        return root.constants.computeIfAbsent(key, k -> {
            String name = "const_" + counter.incrementAndGet();
            TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(INT64.getNumber());
            if (!scalar) {
                t.addDims(values.length);
            }
            for (long v : values) {
                t.addInt64Data(v);
            }
            root.proto.addInitializer(t);
            return name;
        });
    }

    String ints(long... values) {
        return ints(false, values);
    }

    String scalar(long value) {
        return ints(true, value);
    }

    /** A float scalar constant shared by all graphs. */
    String scalar(float value) {
        return root.constants.computeIfAbsent("f:" + Float.floatToIntBits(value), k -> {
            String name = "const_" + counter.incrementAndGet();
            root.proto.addInitializer(TensorProto.newBuilder().setName(name).setDataType(FLOAT.getNumber())
                    .addFloatData(value));
            return name;
        });
    }

    /** A Constant node (not an initializer) holding an empty float tensor, as Optimum puts in cached branches. */
    String emptyFloat(long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setDataType(FLOAT.getNumber());
        for (long d : dims) {
            t.addDims(d);
        }
        return op("Constant", List.of(), AttributeProto.newBuilder().setName("value")
                .setType(AttributeProto.AttributeType.TENSOR).setT(t).build());
    }

    GraphProto build() {
        return proto.build();
    }

    static AttributeProto attr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto attr(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value)
                .build();
    }

    static AttributeProto attr(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static AttributeProto attr(String name, GraphProto graph) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.GRAPH).setG(graph)
                .build();
    }

    static ValueInfoProto valueInfo(String name, TensorProto.DataType type, Object... dims) {
        TypeProto.Tensor.Builder tensor = TypeProto.Tensor.newBuilder().setElemType(type.getNumber());
        if (dims != null) {
            TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
            for (Object d : dims) {
                TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
                if (d instanceof String s) {
                    dim.setDimParam(s);
                } else if (d != null) {
                    dim.setDimValue(((Number) d).longValue());
                }
                shape.addDim(dim);
            }
            tensor.setShape(shape);
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(tensor)).build();
    }
}
