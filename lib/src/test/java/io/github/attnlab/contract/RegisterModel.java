package io.github.attnlab.contract;

import static io.github.attnlab.contract.ApiSamples.N;
import static io.github.attnlab.contract.ApiSamples.arguments;
import static io.github.attnlab.contract.ApiSamples.matrix;
import static io.github.attnlab.contract.ApiSamples.receiver;
import static io.github.attnlab.contract.Register.tiny;

import io.github.attnlab.compact.Normalizer;
import io.github.attnlab.model.attention.AttentionHook;
import io.github.attnlab.model.attention.AttentionRule;
import io.github.attnlab.model.attention.AttentionRules;
import io.github.attnlab.model.attention.AttentionRun;
import io.github.attnlab.model.attention.Measurement;
import io.github.attnlab.model.bert.AttentionProbe;
import io.github.attnlab.model.bert.FillMaskCircuit;
import io.github.attnlab.model.bert.MaskedLm;
import io.github.attnlab.model.bert.MaskedLmScore;
import io.github.attnlab.model.bert.MaskedPassage;
import io.github.attnlab.model.bert.ProbedEvaluation;
import io.github.attnlab.model.text.Encoding;
import io.github.attnlab.patterns.AttentionMask;
import io.github.attnlab.patterns.ConnectionScaling;
import io.github.attnlab.patterns.HardmaxLimit;
import io.github.attnlab.patterns.Patterns;
import io.github.attnlab.patterns.SparsityPattern;
import io.github.attnlab.tree.MatrixFigure;
import io.github.attnlab.tree.PartitionTree;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Receivers and argument lists for the attention rules, probes and figures of the model and patterns packages. */
final class RegisterModel {

    private static ProbedEvaluation evaluation;

    private RegisterModel() {
    }

    static void all() {
        // model.attention
        receiver(AttentionRun.class, () -> new AttentionRun("m", "top-1", Measurement.ERRORS, 1, 1, 2,
            new int[] {2, 2}, new int[] {1, 2}, new double[] {0.1, 0}, new double[] {0.01, 0}, new double[] {0.02, 0},
            new double[] {0.03, 0}, new boolean[] {true}, new long[] {1000}, 2000L));
        arguments("model.attention.AttentionRun.<init>(String,String,Measurement,int,int,int,int[],int[],double[],"
            + "double[],double[],double[],boolean[],long[],long)", Samples::attentionRunArguments);
        arguments("model.attention.AttentionRun.index(int,int,int)", () -> new Object[] {0, 0, 1});
        arguments("model.attention.AttentionRule$BlockSparse.<init>(Partition,int,int)", () -> new Object[] {null, 2, 0});
        arguments("model.attention.AttentionHook.head(int,int,int,int,float[],int,int,int,int,float[],float[])",
            () -> new Object[] {0, 0, 2, 2, new float[] {1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1}, 6, 0, 2, 4, new float[4],
                new float[4]});
        arguments("model.attention.AttentionHook.layerTime(int,long)", () -> new Object[] {0, 10L});
        receiver(AttentionHook.class, () -> AttentionHook.of(AttentionRules.all(AttentionRule.topK(1)), N, N,
            Measurement.NONE));
        // model.bert
        arguments("model.bert.AttentionProbe.measuring(Measurement)", () -> new Object[] {Measurement.ERRORS});
        arguments("model.bert.Bert.withAttention(int,AttentionRule)", () -> new Object[] {0, AttentionRule.topK(1)});
        arguments("model.bert.Bert.withAttention(int,int,AttentionRule)",
            () -> new Object[] {0, 0, AttentionRule.topK(1)});
        arguments("model.bert.QueryKeys.values(int,int)", () -> new Object[] {0, 1});
        arguments("model.bert.FillMaskCircuit.find(Bert,String,Search,double)", () -> new Object[] {tiny(),
            "hello [MASK] world", FillMaskCircuit.Search.WEIGHTS_ONLY, 0.5});
        receiver(ProbedEvaluation.class, RegisterModel::evaluation);
        arguments("model.bert.ProbedEvaluation.against(ProbedEvaluation)", () -> new Object[] {evaluation()});
        arguments("model.bert.PredictionShift.<init>(String,String,double[],double[],MaskedLmScore,MaskedLmScore)", () -> {
            var shift = evaluation().against(evaluation());
            return new Object[] {shift.model(), shift.reference(), shift.kl(), shift.agreement(), shift.score(),
                shift.referenceScore()};
        });
        // model.view
        arguments("model.view.AttentionView.entmax(double)", () -> new Object[] {1.5});
        arguments("model.view.AttentionView.layers(int[])", () -> new Object[] {new int[] {0}});
        arguments("model.view.AttentionView.tokens(int,int)", () -> new Object[] {0, 2});
        arguments("model.view.AttentionView.save(Path)", () -> new Object[] {Register.scratch().resolve("view.html")});
        // patterns
        arguments("patterns.AttentionMask.fillBias(float[],int)", () -> new Object[] {new float[N * N], 0});
        receiver(ConnectionScaling.class, () -> ConnectionScaling.of(Patterns.window(1), 8, 16));
        arguments("patterns.ConnectionScaling.chart(List)",
            () -> new Object[] {List.of(ConnectionScaling.of(Patterns.window(1), 8, 16))});
        arguments("patterns.ConnectionScaling.of(SparsityPattern,int[])",
            () -> new Object[] {Patterns.window(1), new int[] {8, 16}});
        receiver(HardmaxLimit.class, () -> HardmaxLimit.of(Normalizer.softmax(), 0, 2.5, 3));
        arguments("patterns.HardmaxLimit.curve(double,double,int)", () -> new Object[] {10.0, 20.0, 3});
        arguments("patterns.MaskFigure.density(int,int,int)", () -> new Object[] {0, 0, 0});
        arguments("patterns.Patterns.cycle(SparsityPattern[])",
            () -> new Object[] {new SparsityPattern[] {Patterns.window(1), Patterns.dense()}});
        arguments("patterns.Patterns.union(SparsityPattern[])",
            () -> new Object[] {new SparsityPattern[] {Patterns.window(1), Patterns.globals(1, 0)}});
        arguments("patterns.Patterns.randomMatching(SparsityPattern,int,int,long)",
            () -> new Object[] {Patterns.window(1), 8, 1, 1L});
        arguments("patterns.ReachArgument.<init>(boolean,int,String)", () -> new Object[] {true, 1, "x"});
        arguments("patterns.SupportMasks.topK(double[][],int[])", () -> new Object[] {matrix(), new int[] {1, 1, 1, 1}});
        receiver(AttentionMask.class, () -> AttentionMask.causal(N));
        // repro, tree
        arguments("repro.Interval.bootstrap(int,ToDoubleFunction,double,int,long)", () -> new Object[] {4,
            (ToDoubleFunction<int[]>) s -> s.length, 0.95, 20, 1L});
        ApiSamples.receiverFor("tree.MatrixFigure.boundaries(int)", () -> MatrixFigure.of("m", matrix())
            .organisedBy(PartitionTree.dyadic(N), PartitionTree.dyadic(N)));
        arguments("tree.TreeFigure.labels(List)", () -> new Object[] {List.of("a", "b", "c", "d")});
    }

    /**
     * A probed evaluation of the tiny model on one masked passage, assembled by its canonical constructor: the tiny
     * model has no masked-LM head, so the prediction is a uniform one.
     */
    static synchronized ProbedEvaluation evaluation() {
        if (evaluation == null) {
            Encoding e = tiny().encode("hello world");
            int[] at = {1};
            MaskedPassage mp = new MaskedPassage(e, tiny().mask(e, at).masked(), at);
            AttentionRun run = AttentionProbe.of(tiny()).run(mp.masked());
            double[] lp = new double[tiny().tokenizer().vocabulary().size()];
            java.util.Arrays.fill(lp, -Math.log(lp.length));
            MaskedLm lm = new MaskedLm(mp.masked(), at, new double[][] {lp}, tiny().tokenizer().vocabulary());
            int target = e.ids()[1];
            MaskedLmScore score = new MaskedLmScore("m", 0, 1, new int[] {target}, new int[] {lm.argmax(0)},
                new double[] {lp[target]});
            evaluation = new ProbedEvaluation("m", "dense", List.of(mp), List.of(run), List.of(lm), score);
        }
        return evaluation;
    }
}
