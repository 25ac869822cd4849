package io.github.attnlab.model.io;

/**
 * A reader of the protocol-buffer wire format over a byte range: varints, fixed 32/64-bit
 * fields and length-delimited fields, without any generated code.
 *
 * <p>Used for the two formats whose messages we decode by field number: TensorFlow's
 * {@code BundleEntryProto} (checkpoint index) and ONNX's {@code ModelProto}. Reading past the
 * range, a malformed varint or an unknown wire type throws {@link IllegalArgumentException}
 * naming {@code what} (the file and message being read) and the position.
 */
final class ProtoReader {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final byte[] buf;
    private final int end;
    private final String what;
    private int pos;
    private int tag;

    ProtoReader(byte[] buf, int start, int end, String what) {
        if (start < 0 || end > buf.length || start > end) {
            throw new IllegalArgumentException(what + ": range [" + start + ", " + end + ") is outside "
                    + buf.length + " bytes");
        }
        this.buf = buf;
        this.pos = start;
        this.end = end;
        this.what = what;
    }

    /** Advances to the next field; false at the end of the range. */
    boolean next() {
        if (pos >= end) {
            return false;
        }
        long key = varint();
        tag = (int) key;
        return true;
    }

    int field() {
        return tag >>> 3;
    }

    int wireType() {
        return tag & 7;
    }

    long varint() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = byteAt(pos++);
            result |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new IllegalArgumentException(what + ": malformed varint at byte " + pos);
    }

    int fixed32() {
        int v = (byteAt(pos) & 0xff) | (byteAt(pos + 1) & 0xff) << 8 | (byteAt(pos + 2) & 0xff) << 16
                | (byteAt(pos + 3) & 0xff) << 24;
        pos += 4;
        return v;
    }

    /** A sub-reader over the current length-delimited field, which it skips in this reader. */
    ProtoReader message(String subWhat) {
        int len = length();
        ProtoReader r = new ProtoReader(buf, pos, pos + len, subWhat);
        pos += len;
        return r;
    }

    /** The current length-delimited field as bytes [start, end) of the underlying buffer. */
    int[] range() {
        int len = length();
        int[] r = {pos, pos + len};
        pos += len;
        return r;
    }

    String string() {
        int len = length();
        String s = new String(buf, pos, len, java.nio.charset.StandardCharsets.UTF_8);
        pos += len;
        return s;
    }

    /** Repeated int64 field, packed (wire type 2) or not (wire type 0): adds to {@code out}. */
    void int64s(java.util.List<Long> out) {
        if (wireType() == LENGTH_DELIMITED) {
            int len = length();
            int stop = pos + len;
            while (pos < stop) {
                out.add(varint());
            }
        } else {
            out.add(varint());
        }
    }

    void skip() {
        switch (wireType()) {
            case VARINT:
                varint();
                break;
            case FIXED64:
                check(pos + 8);
                pos += 8;
                break;
            case LENGTH_DELIMITED:
                int len = length(); // reads the length first: pos moves past it
                pos += len;
                break;
            case FIXED32:
                check(pos + 4);
                pos += 4;
                break;
            default:
                throw new IllegalArgumentException(what + ": unknown wire type " + wireType() + " of field "
                        + field() + " at byte " + pos);
        }
    }

    /** The offset of the next unread byte in the underlying buffer. */
    int position() {
        return pos;
    }

    byte[] buffer() {
        return buf;
    }

    String what() {
        return what;
    }

    private int length() {
        long len = varint();
        if (len < 0 || pos + len > end) {
            throw new IllegalArgumentException(what + ": field " + field() + " of length " + len + " at byte " + pos
                    + " runs past the end of the message (" + end + "): truncated or corrupted");
        }
        return (int) len;
    }

    private void check(int p) {
        if (p > end) {
            throw new IllegalArgumentException(what + ": field " + field() + " runs past the end of the message at byte "
                    + end + ": truncated or corrupted");
        }
    }

    private byte byteAt(int p) {
        if (p >= end) {
            throw new IllegalArgumentException(what + ": unexpected end of data at byte " + p + ": truncated or corrupted");
        }
        return buf[p];
    }
}
