/**
 * What a notebook checks, recorded for the reproduction report: {@link io.github.attnlab.repro.Claims} records a
 * claim about an item of a paper ({@code docs/papers/}) with its threshold fixed in advance, and
 * {@link io.github.attnlab.repro.Claim} is one recorded check with its comparison and outcome.
 */
package io.github.attnlab.repro;
