package io.github.attnlab.model.data;

import io.github.attnlab.core.Check;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code SHA256SUMS} file as written by {@code sha256sum}: one {@code <hex digest>  <relative path>}
 * per line, so {@code sha256sum -c SHA256SUMS} checks it too.
 */
public final class Sha256Sums {

    private Sha256Sums() {
    }

    /** The SHA-256 of a file, as 64 lowercase hex digits. */
    public static String of(Path file) {
        Check.notNull("file", file);
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
            byte[] buf = new byte[1 << 16];
            while (in.read(buf) >= 0) {
                // the digest stream sees every byte
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The SHA-256 of bytes in memory. */
    public static String of(byte[] bytes) {
        Check.notNull("bytes", bytes);
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** Parses a sums file into relative path → digest, in file order. */
    public static Map<String, String> read(Path sums) {
        Check.notNull("sums", sums);
        Map<String, String> m = new LinkedHashMap<>();
        try {
            int line = 0;
            for (String l : Files.readAllLines(sums, StandardCharsets.UTF_8)) {
                line++;
                if (l.isBlank()) {
                    continue;
                }
                if (l.length() < 67 || !l.substring(0, 64).matches("[0-9a-f]{64}") || !l.startsWith("  ", 64)) {
                    throw new IllegalArgumentException(sums + ":" + line + ": not a '<sha256>  <path>' line: " + l);
                }
                m.put(l.substring(66), l.substring(0, 64));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sums, e);
        }
        return m;
    }

    /** Writes path → digest lines, sorted by path. */
    public static void write(Path sums, Map<String, String> digests) {
        Check.notNull("sums", sums);
        Check.notNull("digests", digests);
        StringBuilder b = new StringBuilder();
        digests.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> b.append(e.getValue()).append("  ").append(e.getKey()).append('\n'));
        try {
            Files.writeString(sums, b.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + sums, e);
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
