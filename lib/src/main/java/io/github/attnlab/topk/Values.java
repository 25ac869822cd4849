package io.github.attnlab.topk;

/** Validation of value matrices: one row per key, all rows of one length, finite entries. */
final class Values {

    private Values() {
    }

    /** A deep copy of {@code values} after checking it has {@code keys} rows of equal, positive length. */
    static double[][] checkedCopy(double[][] values, int keys) {
        if (values == null) {
            throw new IllegalArgumentException("values is null");
        }
        if (values.length != keys) {
            throw new IllegalArgumentException("values has " + values.length + " rows but there are " + keys + " logits");
        }
        double[][] copy = new double[keys][];
        for (int i = 0; i < keys; i++) {
            double[] row = values[i];
            if (row == null) {
                throw new IllegalArgumentException("values row " + i + " is null");
            }
            if (row.length != values[0].length) {
                throw new IllegalArgumentException("values row " + i + " has " + row.length
                        + " columns, row 0 has " + values[0].length);
            }
            for (int j = 0; j < row.length; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException("values[" + i + "][" + j + "] is " + row[j]);
                }
            }
            copy[i] = row.clone();
        }
        if (keys > 0 && copy[0].length == 0) {
            throw new IllegalArgumentException("values rows are empty");
        }
        return copy;
    }
}
