package io.github.attnlab.model.io;

import io.github.attnlab.core.Check;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * A reader of TensorFlow's tensor-bundle checkpoints ({@code variables.index} plus one data shard
 * {@code variables.data-00000-of-00001}), the format inside a SavedModel.
 *
 * <p>The index is a sorted string table (the LevelDB table format): data blocks of prefix-compressed
 * keys, an index block pointing at them and a 48-byte footer ending in the magic number
 * {@code 0xdb4775248b80fb57}. Each block carries a masked CRC-32C, which is verified. Each key is a
 * variable name and its value a {@code BundleEntryProto} (dtype, shape, shard, offset, size and the
 * masked CRC-32C of the tensor's bytes); the tensor bytes are little-endian float32 in the data shard.
 * Every tensor's checksum is verified, so a corrupted or truncated shard is reported with the name
 * of the first tensor it damages. Only {@code DT_FLOAT} tensors are returned; others (step
 * counters) are skipped.
 */
public final class TfCheckpoint {

    private static final long MAGIC = 0xdb4775248b80fb57L;
    private static final int FOOTER = 48;
    private static final int DT_FLOAT = 1;

    private TfCheckpoint() {
    }

    /**
     * Reads every float tensor of a single-shard checkpoint, under its checkpoint name.
     *
     * @param indexName a label of the index file for error messages (path, or jar and entry)
     * @param index     the bytes of {@code variables.index}
     * @param dataName  a label of the data shard for error messages
     * @param data      the bytes of {@code variables.data-00000-of-00001}
     * @return tensors by name, in the index's (sorted) order
     * @throws IllegalArgumentException naming the file and tensor when anything is malformed
     */
    public static Map<String, Tensor> read(String indexName, byte[] index, String dataName, byte[] data) {
        Check.notNull("index", index);
        Check.notNull("data", data);
        if (index.length < FOOTER) {
            throw new IllegalArgumentException(indexName + ": " + index.length
                    + " bytes is too short for a checkpoint index (truncated?)");
        }
        ByteBuffer footer = ByteBuffer.wrap(index, index.length - 8, 8).order(ByteOrder.LITTLE_ENDIAN);
        if (footer.getLong() != MAGIC) {
            throw new IllegalArgumentException(indexName + ": no table magic number at the end: not a checkpoint index,"
                    + " or truncated");
        }
        ProtoReader f = new ProtoReader(index, index.length - FOOTER, index.length - 8, indexName + " footer");
        f.varint();
        f.varint(); // the metaindex block handle, unused
        int indexOff = (int) f.varint();
        int indexSize = (int) f.varint();
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (byte[][] handle : entries(index, indexOff, indexSize, indexName + " index block")) {
            ProtoReader h = new ProtoReader(handle[1], 0, handle[1].length, indexName + " block handle");
            int off = (int) h.varint();
            int size = (int) h.varint();
            for (byte[][] kv : entries(index, off, size, indexName + " data block at " + off)) {
                String name = new String(kv[0], java.nio.charset.StandardCharsets.UTF_8);
                if (!name.isEmpty()) {
                    Tensor t = tensor(name, kv[1], indexName, dataName, data);
                    if (t != null) {
                        out.put(name, t);
                    }
                }
            }
        }
        return out;
    }

    private static Tensor tensor(String name, byte[] entry, String indexName, String dataName, byte[] data) {
        ProtoReader r = new ProtoReader(entry, 0, entry.length, indexName + " entry of tensor " + name);
        int dtype = 0;
        long offset = 0;
        long size = 0;
        int crc = 0;
        int shard = 0;
        List<Long> dims = new ArrayList<>();
        while (r.next()) {
            switch (r.field()) {
                case 1 -> dtype = (int) r.varint();
                case 2 -> shape(r.message(r.what() + " shape"), dims);
                case 3 -> shard = (int) r.varint();
                case 4 -> offset = r.varint();
                case 5 -> size = r.varint();
                case 6 -> crc = r.fixed32();
                default -> r.skip();
            }
        }
        if (dtype != DT_FLOAT) {
            return null;
        }
        if (shard != 0) {
            throw new IllegalArgumentException(indexName + ": tensor " + name + " is in shard " + shard
                    + "; only single-shard checkpoints are supported");
        }
        int[] shape = new int[dims.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = Math.toIntExact(dims.get(i));
            count *= shape[i];
        }
        if (size != 4 * count) {
            throw new IllegalArgumentException(indexName + ": tensor " + name + " has shape "
                    + java.util.Arrays.toString(shape) + " but " + size + " bytes");
        }
        if (offset + size > data.length) {
            throw new IllegalArgumentException(dataName + ": tensor " + name + " needs bytes [" + offset + ", "
                    + (offset + size) + ") but the file has " + data.length + " bytes: truncated");
        }
        CRC32C c = new CRC32C();
        c.update(data, (int) offset, (int) size);
        int expected = mask((int) c.getValue());
        if (expected != crc) {
            throw new IllegalArgumentException(dataName + ": tensor " + name + " fails its CRC-32C check (bytes ["
                    + offset + ", " + (offset + size) + ")): the file is corrupted");
        }
        float[] v = new float[(int) count];
        ByteBuffer.wrap(data, (int) offset, (int) size).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return new Tensor(name, shape, v);
    }

    private static void shape(ProtoReader r, List<Long> dims) {
        while (r.next()) {
            if (r.field() == 2) {
                ProtoReader d = r.message(r.what() + " dim");
                long size = 0;
                while (d.next()) {
                    if (d.field() == 1) {
                        size = d.varint();
                    } else {
                        d.skip();
                    }
                }
                dims.add(size);
            } else {
                r.skip();
            }
        }
    }

    /** The key/value entries of one table block, after checking its trailer's CRC. */
    private static List<byte[][]> entries(byte[] file, int off, int size, String what) {
        if (off < 0 || size < 4 || (long) off + size + 5 > file.length) {
            throw new IllegalArgumentException(what + ": block [" + off + ", " + (off + size) + ") lies outside the "
                    + file.length + "-byte file: truncated or corrupted");
        }
        if (file[off + size] != 0) {
            throw new IllegalArgumentException(what + ": compressed blocks (type " + file[off + size]
                    + ") are not supported");
        }
        CRC32C c = new CRC32C();
        c.update(file, off, size + 1);
        int stored = ByteBuffer.wrap(file, off + size + 1, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (mask((int) c.getValue()) != stored) {
            throw new IllegalArgumentException(what + ": block fails its CRC-32C check: the file is corrupted");
        }
        int restarts = ByteBuffer.wrap(file, off + size - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int limit = off + size - 4 - 4 * restarts;
        if (restarts < 0 || limit < off) {
            throw new IllegalArgumentException(what + ": bad restart count " + restarts);
        }
        List<byte[][]> out = new ArrayList<>();
        byte[] key = new byte[0];
        int pos = off;
        while (pos < limit) {
            ProtoReader e = new ProtoReader(file, pos, limit, what);
            int shared = (int) e.varint();
            int nonShared = (int) e.varint();
            int valueLen = (int) e.varint();
            int p = e.position();
            if (shared > key.length || p + nonShared + valueLen > limit) {
                throw new IllegalArgumentException(what + ": malformed entry at byte " + pos);
            }
            byte[] k = java.util.Arrays.copyOf(key, shared + nonShared);
            System.arraycopy(file, p, k, shared, nonShared);
            byte[] v = java.util.Arrays.copyOfRange(file, p + nonShared, p + nonShared + valueLen);
            out.add(new byte[][] {k, v});
            key = k;
            pos = p + nonShared + valueLen;
        }
        return out;
    }

    /** TensorFlow's checksum mask: rotate right by 15 bits and add a constant. */
    static int mask(int crc) {
        return ((crc >>> 15) | (crc << 17)) + 0xa282ead8;
    }
}
