/** Seeded example generators for training: copy, reverse and sort, and character-level language modelling. */
package io.github.attnlab.train.task;
