/**
 * Compact-kernel attention (docs/papers/B.md §B; Santos, Gonçalves, McNamee, Treviso, Martins 2026): the
 * sparse normalisers softmax, sparsemax, $\alpha$-entmax and normalised ReLU, with their
 * thresholds, supports and Jacobians.
 *
 * <p>On unit-norm queries and keys with scores $z_i = \langle q, k_i\rangle/h^2$, $\alpha$-entmax with
 * $\alpha = 1 + 1/n$, $p_i = [z_i/n - \tau]_+^n$, equals Nadaraya–Watson regression with the compact
 * smoothing kernel $(1 - u^2)_+^n$ at the bandwidth $b = \sqrt{2 - 2nh^2\tau}$ its threshold selects;
 * normalised ReLU is the same kernel at a fixed bandwidth, softmax the Gaussian limit. The
 * regression side lives in {@link io.github.attnlab.compact.nw}, the small training code of the
 * experiments in {@link io.github.attnlab.compact.train}.
 *
 * <p>Two surfaces over one engine: {@link io.github.attnlab.compact.Normalizer} objects for notebook
 * cells ({@code Normalizer.entmax(1.5).apply(-2, 0, 0.5)} gives a
 * {@link io.github.attnlab.compact.Normalized} with $p$, support, $\tau$, residual and a chart) and the
 * allocation-free static operations of {@link io.github.attnlab.compact.Normalizers} and
 * {@link io.github.attnlab.compact.Jacobians} on rows of caller-supplied arrays.
 */
package io.github.attnlab.compact;
