/**
 * The heavy loops behind one interface, {@link io.github.attnlab.simd.SimdOps}, with a scalar reference and a
 * {@code jdk.incubator.vector} implementation loaded only when the module is present. Two contracts:
 * {@link io.github.attnlab.simd.DoubleOps} (the paths agree to rounding) and {@link io.github.attnlab.simd.FloatOps}
 * (the paths give the same bits); both deterministic on each path, whatever the just-in-time compiler has compiled.
 * No theorem: the arithmetic under every paper's package ({@code docs/papers/}).
 */
package io.github.attnlab.simd;
