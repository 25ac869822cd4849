package io.github.attnlab.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Points and their squared distances are two inputs to the same diffusion map. */
class DiffusionInputsTest {

    @Test
    void squaredDistancesGiveTheMapOfThePoints() {
        Random r = new Random(2);
        double[][] x = new double[30][3];
        for (double[] p : x) {
            for (int c = 0; c < 3; c++) {
                p[c] = r.nextGaussian();
            }
        }
        DiffusionMap fromPoints = DiffusionMaps.fromPoints(x).components(4).compute();
        DiffusionMap fromDistances = DiffusionMaps.fromSquaredDistances(DiffusionMaps.squaredDistances(x))
                .components(4).compute();
        assertArrayEquals(fromPoints.eigenvalues(), fromDistances.eigenvalues(), 1e-12);
    }
}
