/**
 * Partition trees as values, and how they are built from data (paper C, {@code docs/papers/C.md}).
 *
 * <p>{@link io.github.attnlab.tree.PartitionTree} is an immutable tree of nested partitions that can be
 * drawn ({@link io.github.attnlab.tree.TreeFigure}), compared ({@link io.github.attnlab.tree.TreeAgreement})
 * and reused. Builders: {@link io.github.attnlab.tree.FlexibleTree} (bottom-up, from a diffusion map),
 * {@link io.github.attnlab.tree.BisectionTree} (balanced, by recursive median splits) and the
 * {@link io.github.attnlab.tree.Questionnaire}, which co-organises the axes of a
 * {@link io.github.attnlab.tree.Tensor3} (queries × keys × heads) through each other's trees.
 * {@link io.github.attnlab.tree.MatrixFigure} draws a matrix in the order of its trees.
 */
package io.github.attnlab.tree;
