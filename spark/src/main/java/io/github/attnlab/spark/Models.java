package io.github.attnlab.spark;

import io.github.attnlab.core.Check;
import io.github.attnlab.model.bert.Bert;
import io.github.attnlab.model.bert.PretrainedModel;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The per-JVM holder of the encoders: an executor loads a model's weights once, on the first task that needs them,
 * and keeps them (a strong reference, unlike {@code Bert.load}'s soft cache) for every later task in that JVM.
 */
public final class Models {

    private static final Map<PretrainedModel, Bert> LOADED = new EnumMap<>(PretrainedModel.class);
    private static final AtomicInteger LOADS = new AtomicInteger();

    private Models() {
    }

    /** The model, loaded from the local Maven repository at most once per JVM. */
    public static synchronized Bert get(PretrainedModel model) {
        Check.notNull("model", model);
        Bert b = LOADED.get(model);
        if (b == null) {
            b = Bert.load(model);
            LOADS.incrementAndGet();
            LOADED.put(model, b);
        }
        return b;
    }

    /** How many times weights were loaded in this JVM (a test checks that a job loads each model once). */
    public static int loads() {
        return LOADS.get();
    }
}
