/**
 * Weight readers for the real models: TensorFlow checkpoints, ONNX initializers, {@code .npy} arrays, float16, jars
 * from the local Maven repository; {@link io.github.attnlab.model.io.Tensor} is an immutable named array. No theorem:
 * the plumbing under {@code io.github.attnlab.model.bert}.
 */
package io.github.attnlab.model.io;
