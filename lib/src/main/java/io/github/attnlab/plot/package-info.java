/**
 * Figures: {@link io.github.attnlab.plot.Figure} (a JFreeChart chart, PNG and SVG), the immutable
 * {@link io.github.attnlab.plot.XYChart} and {@link io.github.attnlab.plot.ErrorBarChart}, and
 * {@link io.github.attnlab.plot.Style}, the colours and axes every chart shares. No theorem: how the notebooks show
 * what the papers' statements ({@code docs/papers/}) measure.
 */
package io.github.attnlab.plot;
