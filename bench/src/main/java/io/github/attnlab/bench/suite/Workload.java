package io.github.attnlab.bench.suite;

/** One operation at one size, ready to run: inputs prepared by the constructor's caller, nothing allocated per run. */
interface Workload {

    /** Runs the operation once and returns a value depending on its result (so it is not optimised away). */
    double run();

    /** A one-line check of the result, for the table's notes (empty when there is nothing to say). */
    default String check() {
        return "";
    }
}
