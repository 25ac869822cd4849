package io.github.attnlab.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/** Synthetic tensor bundles written here in the documented format, read back, then damaged. */
public class TfCheckpointTest {

    /** A checkpoint: the index and data bytes. */
    public record Bundle(byte[] index, byte[] data) {
    }

    /** Writes a single-shard bundle of float tensors (names must be given in sorted order). */
    static Bundle write(Map<String, float[]> tensors, Map<String, int[]> shapes) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        entry(block, "", new ProtoWriter().varint(1, 1).toBytes()); // BundleHeaderProto: num_shards = 1
        String last = "";
        for (Map.Entry<String, float[]> t : tensors.entrySet()) {
            ByteBuffer b = ByteBuffer.allocate(4 * t.getValue().length).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : t.getValue()) {
                b.putFloat(v);
            }
            ProtoWriter shape = new ProtoWriter();
            for (int d : shapes.get(t.getKey())) {
                shape.message(2, new ProtoWriter().varint(1, d));
            }
            CRC32C c = new CRC32C();
            c.update(b.array());
            ProtoWriter e = new ProtoWriter().varint(1, 1).message(2, shape).varint(4, data.size())
                    .varint(5, b.array().length).fixed32(6, TfCheckpoint.mask((int) c.getValue()));
            data.writeBytes(b.array());
            entry(block, t.getKey(), e.toBytes());
            last = t.getKey();
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        int dataOff = finishBlock(file, block);
        int dataSize = file.size() - 5 - dataOff;
        ByteArrayOutputStream index = new ByteArrayOutputStream();
        ProtoWriter handle = new ProtoWriter();
        handle.raw(dataOff);
        handle.raw(dataSize);
        entry(index, last, handle.toBytes());
        int metaOff = finishBlock(file, new ByteArrayOutputStream());
        int metaSize = file.size() - 5 - metaOff;
        int indexOff = finishBlock(file, index);
        int indexSize = file.size() - 5 - indexOff;
        ProtoWriter footer = new ProtoWriter();
        footer.raw(metaOff);
        footer.raw(metaSize);
        footer.raw(indexOff);
        footer.raw(indexSize);
        byte[] f = Arrays.copyOf(footer.toBytes(), 40);
        file.writeBytes(f);
        file.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0xdb4775248b80fb57L).array());
        return new Bundle(file.toByteArray(), data.toByteArray());
    }

    private static void entry(ByteArrayOutputStream block, String key, byte[] value) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        ProtoWriter h = new ProtoWriter();
        h.raw(0);
        h.raw(k.length);
        h.raw(value.length);
        block.writeBytes(h.toBytes());
        block.writeBytes(k);
        block.writeBytes(value);
    }

    /** Appends entries + restart array + trailer; returns the block's offset. */
    private static int finishBlock(ByteArrayOutputStream file, ByteArrayOutputStream entries) {
        int off = file.size();
        ByteBuffer restarts = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(0).putInt(1);
        byte[] contents = concat(entries.toByteArray(), restarts.array(), new byte[] {0});
        CRC32C c = new CRC32C();
        c.update(contents);
        file.writeBytes(contents);
        file.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(TfCheckpoint.mask((int) c.getValue())).array());
        return off;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }

    public static Bundle sample() {
        Random r = new Random(9);
        Map<String, float[]> t = new LinkedHashMap<>();
        Map<String, int[]> s = new LinkedHashMap<>();
        float[] a = new float[3 * 4];
        float[] b = new float[5];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) r.nextGaussian();
        }
        t.put("module/bert/encoder/layer_0/attention/self/query/kernel", a);
        s.put("module/bert/encoder/layer_0/attention/self/query/kernel", new int[] {3, 4});
        t.put("module/cls/predictions/output_bias", b);
        s.put("module/cls/predictions/output_bias", new int[] {5});
        return write(t, s);
    }

    @Test
    void readsWhatWasWritten() {
        Bundle b = sample();
        Map<String, Tensor> m = TfCheckpoint.read("idx", b.index(), "dat", b.data());
        assertEquals(2, m.size());
        Tensor q = m.get("module/bert/encoder/layer_0/attention/self/query/kernel");
        assertArrayEquals(new int[] {3, 4}, q.shape());
        assertEquals(ByteBuffer.wrap(b.data(), 0, 4).order(ByteOrder.LITTLE_ENDIAN).getFloat(), q.data()[0]);
        assertArrayEquals(new int[] {5}, m.get("module/cls/predictions/output_bias").shape());
    }

    @Test
    void aFlippedByteNamesTheTensor() {
        Bundle b = sample();
        b.data()[3 * 4 * 4 + 2] ^= 0x10; // inside the second tensor
        var e = assertThrows(IllegalArgumentException.class, () -> TfCheckpoint.read("idx", b.index(), "dat", b.data()));
        assertEquals("dat: tensor module/cls/predictions/output_bias fails its CRC-32C check (bytes [48, 68)):"
                + " the file is corrupted", e.getMessage());
    }

    @Test
    void truncatedDataNamesTheFileAndTensor() {
        Bundle b = sample();
        var e = assertThrows(IllegalArgumentException.class,
                () -> TfCheckpoint.read("idx", b.index(), "dat", Arrays.copyOf(b.data(), 50)));
        assertTrue(e.getMessage().startsWith("dat: tensor module/cls/predictions/output_bias needs bytes [48, 68)"
                + " but the file has 50 bytes: truncated"), e.getMessage());
    }

    @Test
    void damagedIndexIsAClearError() {
        Bundle b = sample();
        var e = assertThrows(IllegalArgumentException.class,
                () -> TfCheckpoint.read("idx", Arrays.copyOf(b.index(), b.index().length - 3), "dat", b.data()));
        assertTrue(e.getMessage().startsWith("idx: no table magic number"), e.getMessage());
        byte[] idx = b.index().clone();
        idx[10] ^= 0x01; // inside the data block: its CRC fails
        e = assertThrows(IllegalArgumentException.class, () -> TfCheckpoint.read("idx", idx, "dat", b.data()));
        assertTrue(e.getMessage().contains("fails its CRC-32C check"), e.getMessage());
    }
}
