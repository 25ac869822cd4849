/**
 * Connectivity through the spectrum (docs/papers/D.md §D item 1): the spectral gap and Fiedler vector,
 * conductance, Cheeger's inequality $\lambda_2/2 \le h(G) \le \sqrt{2\lambda_2}$ with its sweep cut,
 * and the exact Cheeger constant of small graphs by enumeration.
 */
package io.github.attnlab.spectral.cut;
