/**
 * The datasets of the repository ({@code datasets/}): real attention tensors of three models on two passages, read
 * after checking each file's SHA-256, and the generator that rebuilds them bit for bit. The real-data checks of
 * papers A, C and D ({@code docs/papers/}) read these.
 */
package io.github.attnlab.model.data;
