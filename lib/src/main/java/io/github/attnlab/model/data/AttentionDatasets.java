package io.github.attnlab.model.data;

import io.github.attnlab.core.Check;
import io.github.attnlab.model.AttentionTensor;
import io.github.attnlab.model.bert.PretrainedModel;
import io.github.attnlab.model.io.Npy;
import io.github.attnlab.model.io.Tensor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The attention tensors shipped in {@code datasets/}, read with their checksums verified.
 *
 * <p>Layout (see {@code datasets/README.md}): {@code texts/<corpus>.jsonl} (the source texts),
 * {@code tokens/<passage>.txt} (one token per line), and per model
 * {@code <model>/<passage>.scores.npy} and {@code .probabilities.npy}, float16
 * {@code [layer][head][query][key]}; {@code SHA256SUMS} lists every file. Every read first checks the
 * file's SHA-256 against {@code SHA256SUMS}, so a changed, corrupted or truncated file is an
 * {@link IllegalStateException} naming it, never silently wrong numbers.
 *
 * <pre>{@code
 * AttentionDatasets ds = AttentionDatasets.open();
 * AttentionTensor att = ds.attention(PretrainedModel.BERT_BASE_UNCASED, "moby-dick-ch001-w0");
 * }</pre>
 */
public final class AttentionDatasets {

    /** The checksum file's name. */
    public static final String SUMS = "SHA256SUMS";

    private final Path dir;
    private final Map<String, String> sums;

    private AttentionDatasets(Path dir) {
        this.dir = dir;
        Path s = dir.resolve(SUMS);
        if (!Files.isRegularFile(s)) {
            throw new IllegalStateException(dir + " has no " + SUMS + ": not an AttentionDatasets directory");
        }
        this.sums = Sha256Sums.read(s);
    }

    /**
     * The repository's {@code datasets/}: the system property {@code attnlab.datasets}, else the
     * environment variable {@code ATTNLAB_DATASETS}, else the first {@code datasets/SHA256SUMS}
     * found from the working directory upwards (notebooks run in {@code notebooks/}, tests in {@code lib/}).
     */
    public static AttentionDatasets open() {
        String p = System.getProperty("attnlab.datasets", System.getenv("ATTNLAB_DATASETS"));
        if (p != null && !p.isBlank()) {
            return open(Path.of(p));
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("datasets").resolve(SUMS))) {
                return open(d.resolve("datasets"));
            }
        }
        throw new IllegalStateException("no datasets/" + SUMS + " in " + Path.of("").toAbsolutePath()
                + " or above; set -Dattnlab.datasets=/path/to/attnlab/datasets");
    }

    /** The datasets in a given directory. */
    public static AttentionDatasets open(Path dir) {
        Check.notNull("dir", dir);
        return new AttentionDatasets(dir);
    }

    /** The directory. */
    public Path directory() {
        return dir;
    }

    /** The passages, in {@link Passage#STANDARD} order. */
    public List<Passage> passages() {
        return Passage.STANDARD;
    }

    /** The files listed in {@code SHA256SUMS} (relative paths). */
    public List<String> files() {
        return new ArrayList<>(sums.keySet());
    }

    /** Checks every listed file; returns how many. */
    public int verify() {
        for (String f : sums.keySet()) {
            bytes(f);
        }
        return sums.size();
    }

    /** The bytes of a listed file after checking its SHA-256. */
    public byte[] bytes(String relative) {
        Check.notNull("relative", relative);
        String want = sums.get(relative);
        if (want == null) {
            throw new IllegalArgumentException("relative = '" + relative + "' is not listed in " + dir.resolve(SUMS));
        }
        Path f = dir.resolve(relative);
        if (!Files.isRegularFile(f)) {
            throw new IllegalStateException(f + " is listed in " + SUMS + " but missing; restore it with git"
                    + " or regenerate datasets/ with scripts/datasets.sh");
        }
        byte[] b = Corpus.readBytes(f);
        String got = Sha256Sums.of(b);
        if (!got.equals(want)) {
            throw new IllegalStateException(f + ": SHA-256 " + got + " does not match " + want + " in " + SUMS
                    + " (" + b.length + " bytes): the file is corrupted, truncated or was changed; restore it with"
                    + " git or regenerate datasets/ with scripts/datasets.sh");
        }
        return b;
    }

    /** Refuses a name whose file is not in the checksum list, naming the parameter. */
    private void listed(String param, String value, String relative) {
        Check.notNull(param, value);
        if (!sums.containsKey(relative)) {
            throw new IllegalArgumentException(param + " = '" + value + "': " + relative + " is not listed in "
                    + dir.resolve(SUMS));
        }
    }

    /** The documents of a corpus: {@code moby-dick} or {@code sotu}. */
    public List<Document> corpus(String name) {
        listed("name", name, "texts/" + name + ".jsonl");
        return Corpus.parse(dir.resolve("texts/" + name + ".jsonl").toString(), bytes("texts/" + name + ".jsonl"));
    }

    /** The tokens of a passage. */
    public List<String> tokens(String passage) {
        listed("passage", passage, "tokens/" + passage + ".txt");
        String t = new String(bytes("tokens/" + passage + ".txt"), StandardCharsets.UTF_8);
        return Arrays.asList(t.split("\n"));
    }

    /** The attention of a model on a passage. */
    public AttentionTensor attention(PretrainedModel model, String passage) {
        Check.notNull("model", model);
        listed("passage", passage, "tokens/" + passage + ".txt");
        List<String> tokens = tokens(passage);
        String base = folder(model) + "/" + passage;
        Tensor s = Npy.readFloats(dir.resolve(base + ".scores.npy"), bytes(base + ".scores.npy"));
        Tensor p = Npy.readFloats(dir.resolve(base + ".probabilities.npy"), bytes(base + ".probabilities.npy"));
        int n = tokens.size();
        int[] shape = s.shape();
        if (shape.length != 4 || shape[2] != n || shape[3] != n || !p.hasShape(shape)) {
            throw new IllegalStateException(dir.resolve(base) + ": shapes " + Arrays.toString(shape) + " and "
                    + Arrays.toString(p.shape()) + " do not fit " + n + " tokens");
        }
        return AttentionTensor.wrap(model.modelName(), tokens, shape[0], shape[1], s.data(), p.data());
    }

    /** The folder of a model's tensors: its name in lower case. */
    static String folder(PretrainedModel model) {
        return model.modelName().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return "AttentionDatasets[" + dir + ", " + sums.size() + " files]";
    }
}
