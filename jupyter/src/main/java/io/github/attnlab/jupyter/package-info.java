/**
 * Rich display of AttnLab in Java Jupyter kernels, an optional extra: the library and its notebooks run without it.
 *
 * <p>{@link io.github.attnlab.jupyter.Rich} is the kernel-agnostic core: the MIME bundle of a value (result records as
 * compact HTML tables, figures as PNG with an SVG alternative, the attention view as interactive HTML with a PNG
 * fallback). {@link io.github.attnlab.jupyter.AttnLabJJava} plugs it into JJava (an {@code Extension}, found through
 * {@code META-INF/services}, that also runs {@link io.github.attnlab.jupyter.Imports}); {@link
 * io.github.attnlab.jupyter.AttnLabRapaio} into rapaio's kernel (a {@code DisplayProvider}, found by ServiceLoader).
 */
package io.github.attnlab.jupyter;
