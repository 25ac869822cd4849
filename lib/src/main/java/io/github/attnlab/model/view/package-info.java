/**
 * An attention view for notebooks: tokens on both sides, lines weighted by attention, with layer and head
 * selectors, as self-contained HTML (inline SVG and JavaScript, no network), a static SVG and a PNG.
 *
 * <p>{@link io.github.attnlab.model.view.AttentionView} (from {@code AttentionTensor.view()}) overlays what the
 * library computes on the same rows: the certified top-k support at $\varepsilon$ (paper A, {@code topk}), the
 * $\alpha$-entmax support (paper B, {@code compact}), partition blocks (paper D, {@code spectral.partition}) and a
 * tree's leaf order (paper C, {@code tree}). See {@code docs/attention-view.md}.
 */
package io.github.attnlab.model.view;
