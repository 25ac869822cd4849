package io.github.attnlab.compact;

/** How the threshold $\tau$ of sparsemax and $\alpha$-entmax is found. */
public enum ThresholdMethod {
    /** Sort the scores, then one pass: exact, $O(n\log n)$; sparsemax ($\alpha = 2$) and 1.5-entmax only. */
    SORT,
    /** Randomised pivot search (Duchi et al. 2008): exact, expected $O(n)$; sparsemax only. */
    PIVOT,
    /** Bisection on $\tau$ with Newton steps inside the bracket: any $\alpha &gt; 1$, to the float resolution of $\tau$. */
    BISECTION
}
