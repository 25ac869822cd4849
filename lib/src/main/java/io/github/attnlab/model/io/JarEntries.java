package io.github.attnlab.model.io;

import io.github.attnlab.core.Check;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Reads named entries of a jar, or of a zip stored as an entry inside the jar, into memory.
 *
 * <p>The zip layer checks each entry's CRC-32, so a corrupted or truncated download is reported
 * with the jar and the entry it damages, and with the fix: delete the jar and fetch it again.
 */
public final class JarEntries {

    private JarEntries() {
    }

    /**
     * The wanted entries of {@code jar} (when {@code nested} is null) or of the zip stored at entry
     * {@code nested} of {@code jar}.
     *
     * @throws IllegalArgumentException naming the jar and entry when the archive is damaged or an
     *                                  entry is missing
     */
    public static Map<String, byte[]> read(Path jar, String nested, Set<String> wanted) {
        Check.notNull("jar", jar);
        Check.notNull("wanted", wanted);
        if (nested != null && nested.isEmpty()) {
            throw new IllegalArgumentException("nested is empty: name a jar inside the jar, or pass null");
        }
        Map<String, byte[]> out = new HashMap<>();
        String where = jar + (nested == null ? "" : "!/" + nested);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (nested == null) {
                for (String name : wanted) {
                    ZipEntry e = zip.getEntry(name);
                    if (e != null) {
                        try (CheckedInputStream in = new CheckedInputStream(zip.getInputStream(e), new CRC32())) {
                            byte[] b = readAll(in, e, where);
                            if (e.getCrc() != -1 && in.getChecksum().getValue() != e.getCrc()) {
                                throw new IllegalArgumentException(where + "!/" + name + " fails its CRC-32 check:"
                                        + " corrupted download; " + hint(jar));
                            }
                            out.put(name, b);
                        }
                    }
                }
            } else {
                ZipEntry outer = zip.getEntry(nested);
                if (outer == null) {
                    throw new IllegalArgumentException(jar + ": no entry " + nested + " (" + hint(jar) + ")");
                }
                try (ZipInputStream in = new ZipInputStream(new BufferedInputStream(zip.getInputStream(outer), 1 << 16))) {
                    for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                        if (wanted.contains(e.getName())) {
                            out.put(e.getName(), readAll(in, e, where));
                        }
                    }
                }
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new IllegalArgumentException(where + ": the archive is damaged (" + e.getMessage()
                    + "): truncated or corrupted download; " + hint(jar), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + where, e);
        }
        for (String name : wanted) {
            if (!out.containsKey(name)) {
                throw new IllegalArgumentException(where + ": no entry " + name + " (" + hint(jar) + ")");
            }
        }
        return out;
    }

    private static byte[] readAll(InputStream in, ZipEntry e, String where) throws IOException {
        long size = e.getSize();
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(where + "!/" + e.getName() + ": " + size + " bytes is too large");
        }
        if (size < 0) {
            return in.readAllBytes();
        }
        byte[] b = new byte[(int) size];
        int n = in.readNBytes(b, 0, b.length);
        if (n != size || in.read() != -1) { // the read at the end makes a ZipInputStream check the CRC
            throw new IllegalArgumentException(where + "!/" + e.getName() + ": expected " + size + " bytes, read "
                    + (n == size ? "more" : n) + ": truncated or corrupted download; " + hint(null));
        }
        return b;
    }

    private static String hint(Path jar) {
        return "delete " + (jar == null ? "the jar" : jar.toString()) + " and fetch it again";
    }
}
