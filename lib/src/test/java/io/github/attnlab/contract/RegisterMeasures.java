package io.github.attnlab.contract;

import static io.github.attnlab.contract.ApiSamples.N;
import static io.github.attnlab.contract.ApiSamples.matrix;
import static io.github.attnlab.contract.ApiSamples.receiver;

import io.github.attnlab.measure.CircleDensity;
import io.github.attnlab.measure.EmpiricalMeasure;
import io.github.attnlab.measure.MeasureAttention;
import io.github.attnlab.measure.MixtureContext;
import io.github.attnlab.measure.ValueMap;
import io.github.attnlab.patterns.PatternLayers;
import io.github.attnlab.patterns.Patterns;
import io.github.attnlab.patterns.SparsityPattern;
import io.github.attnlab.wasserstein.BrwpSampler;
import io.github.attnlab.wasserstein.Prior;
import io.github.attnlab.wasserstein.SamplingMethod;
import io.github.attnlab.wasserstein.SeparablePrior;
import io.github.attnlab.wasserstein.WassersteinProximal;
import java.util.Random;

/** Receivers and argument lists for the packages of papers E and F (measure, wasserstein, patterns). */
final class RegisterMeasures {

    private RegisterMeasures() {
    }

    static void all() {
        // measure
        receiver(CircleDensity.class, () -> CircleDensity.random(1.0, 0.05, 4, new Random(1)));
        receiver(MixtureContext.class, () -> MixtureContext.random(2, 1.0, 0.05, 4, 1L));
        receiver(ValueMap.class, () -> ValueMap.identity(N));
        receiver(MeasureAttention.class, () -> MeasureAttention.bilinear(matrix(), ValueMap.identity(N)));
        receiver(EmpiricalMeasure.class, () -> EmpiricalMeasure.of(matrix()));
        ApiSamples.arguments("measure.CircleDensity.random(double,double,int,Random)",
            () -> new Object[] {1.0, 0.05, 4, new Random(1)});
        ApiSamples.arguments("measure.MixtureContext.random(int,double,double,int,long)",
            () -> new Object[] {2, 1.0, 0.05, 4, 1L});
        ApiSamples.arguments("measure.MixtureContext.cutoff(double,double,int,long)", () -> new Object[] {1.0, 0.05, 4, 8L});
        ApiSamples.arguments("measure.MixtureContext.expectedError(double,double,int,long,int)",
            () -> new Object[] {1.0, 0.05, 4, 8L, 2});
        ApiSamples.arguments("measure.MeasureAttention.bilinear(double[][],ValueMap)",
            () -> new Object[] {matrix(), ValueMap.identity(N)});
        ApiSamples.arguments("measure.MeasureAttention.of(double[][],double[][],ValueMap)",
            () -> new Object[] {matrix(), matrix(), ValueMap.identity(N)});
        receiver(io.github.attnlab.measure.Measure.class, () -> EmpiricalMeasure.of(matrix()));
        receiver(io.github.attnlab.measure.Measure.Sink.class, () -> (io.github.attnlab.measure.Measure.Sink) (p, w) -> { });
        receiver(io.github.attnlab.measure.FourierFeatures.class, () -> new io.github.attnlab.measure.FourierFeatures(N, 0, 2));
        ApiSamples.arguments("measure.FourierFeatures.<init>(int,int,int)", () -> new Object[] {N, 0, 2});
        ApiSamples.arguments("measure.Measure.checked(String,Measure)", () -> new Object[] {"nu", EmpiricalMeasure.of(matrix())});
        ApiSamples.arguments("measure.ValueMap.coordinates(int,int,int)", () -> new Object[] {N, 1, 3});
        ApiSamples.arguments("measure.CircleDensity.of(double,double[],double[])",
            () -> new Object[] {1.0, new double[] {0.05, 0.02}, new double[] {0.01, 0.03}});
        ApiSamples.arguments("measure.MixtureContext.predict(double[],double,int)",
            () -> new Object[] {new double[] {0.1, 0.2, 0.05, 0.01}, 0.5, 2});
        ApiSamples.arguments("measure.MixtureContext.population(int,double,int)", () -> new Object[] {0, 0.5, 2});
        ApiSamples.arguments("measure.MixtureContext.query(int,double)", () -> new Object[] {0, 0.5});
        ApiSamples.arguments("measure.MixtureContext.target(int,double)", () -> new Object[] {0, 0.5});
        receiver(io.github.attnlab.measure.ShrinkageReference.class,
            () -> io.github.attnlab.measure.ShrinkageReference.of(2, 0.05, 4, 2));
        ApiSamples.arguments("measure.ShrinkageReference.of(double,double,int,int)", () -> new Object[] {2.0, 0.05, 4, 2});
        ApiSamples.arguments("measure.ShrinkageReference.of(double,double,int)", () -> new Object[] {2.0, 0.05, 4});
        ApiSamples.arguments("measure.ShrinkageReference.weight(int,double)", () -> new Object[] {1, 8.0});
        ApiSamples.arguments("measure.ShrinkageReference.priorVariance(int)", () -> new Object[] {1});
        ApiSamples.arguments("measure.ShrinkageReference.predict(double[],double)",
            () -> new Object[] {new double[] {0.1, 0.5, 1.0}, 0.3});
        ApiSamples.arguments("measure.ShrinkageReference.predict(Episode)",
            () -> new Object[] {MixtureContext.random(2, 2.0, 0.05, 4, 1L).episode(4, new java.util.Random(1))});
        // wasserstein
        receiver(BrwpSampler.Trajectory.class, () -> new BrwpSampler.Trajectory(SamplingMethod.values()[0],
            new int[] {0, 1}, new double[][][] {matrix(), matrix()}));
        ApiSamples.arguments("wasserstein.BrwpSampler$Trajectory.<init>(SamplingMethod,int[],double[][][])",
            () -> new Object[] {SamplingMethod.values()[0], new int[] {0, 1}, new double[][][] {matrix(), matrix()}});
        receiver(Prior.class, () -> Prior.l1(1));
        receiver(SeparablePrior.class, () -> Prior.l1(1));
        receiver(WassersteinProximal.class, () -> WassersteinProximal.of(Prior.l1(1), 0.2, 0.5));
        receiver(BrwpSampler.Gradient.class, () -> (BrwpSampler.Gradient) (x, out) -> {
            for (int i = 0; i < x.length; i++) {
                out[i] = x[i];
            }
        });
        receiver(BrwpSampler.class, () -> BrwpSampler.of((BrwpSampler.Gradient) receiver(BrwpSampler.Gradient.class),
            Prior.l1(1), 1.0));
        // a snapshot every 10^6 steps, so that the walk's large iteration count (2^20) stays a second's work
        ApiSamples.arguments("wasserstein.BrwpSampler.run(double[][],int,int,SamplingMethod,long)",
            () -> new Object[] {matrix(), 2, 1_000_000, SamplingMethod.values()[0], 1L});
        ApiSamples.arguments("wasserstein.WassersteinProximal.logits(Prior,double,double,double[],double[],int,int,double[])",
            () -> new Object[] {Prior.l1(1), 0.2, 0.5, new double[] {0.1, 0.2}, new double[] {0, 1, 2, 3}, 2, 2,
                new double[2]});
        // patterns
        receiver(SparsityPattern.class, () -> Patterns.window(1));
        receiver(PatternLayers.class, () -> Patterns.window(1).at(N));
    }
}
