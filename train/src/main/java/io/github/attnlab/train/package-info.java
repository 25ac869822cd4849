/**
 * Training small transformers in pure Java (papers B, E and F; {@code docs/training.md}).
 *
 * <p>{@link io.github.attnlab.train.ModelConfig} describes a model with its four pluggable parts (the attention
 * {@link io.github.attnlab.train.AttentionNormalizer}, an {@link io.github.attnlab.patterns.AttentionPattern}, the
 * {@link io.github.attnlab.train.PositionEncoding}, and {@link io.github.attnlab.train.WeightSparsity});
 * {@link io.github.attnlab.train.Training} trains it on a {@link io.github.attnlab.train.task.Task} and returns a
 * {@link io.github.attnlab.train.TrainingRun}; {@link io.github.attnlab.train.Transformer} exposes weights, head and
 * neuron ablation and evaluation; {@link io.github.attnlab.train.LengthSweep} tests trained models at longer lengths;
 * {@link io.github.attnlab.train.PatternComparison} trains one model per attention pattern and seed (paper E's experiment).
 * The engine computes exact reverse-mode gradients layer by layer on the library's {@code SimdOps.gemm} and the
 * normalisers' Jacobians of {@code compact}; runs are deterministic by seed.
 */
package io.github.attnlab.train;
