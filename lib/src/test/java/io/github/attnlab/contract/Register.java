package io.github.attnlab.contract;

import static io.github.attnlab.contract.ApiSamples.N;
import static io.github.attnlab.contract.ApiSamples.arguments;
import static io.github.attnlab.contract.ApiSamples.matrix;
import static io.github.attnlab.contract.ApiSamples.receiver;

import io.github.attnlab.compact.Entmax;
import io.github.attnlab.compact.Normalizer;
import io.github.attnlab.compact.ThresholdMethod;
import io.github.attnlab.compact.nw.SmoothingKernel;
import io.github.attnlab.compact.train.Episode;
import io.github.attnlab.compact.train.KernelRegressionHead;
import io.github.attnlab.compact.train.RecallTask;
import io.github.attnlab.compact.train.Trainer;
import io.github.attnlab.core.AxisBisection;
import io.github.attnlab.haar.HaarCoefficients;
import io.github.attnlab.haar.HolderEstimate;
import io.github.attnlab.haar.SyntheticHeads;
import io.github.attnlab.haar.TensorHaar;
import io.github.attnlab.model.AttentionTensor;
import io.github.attnlab.model.bert.Bert;
import io.github.attnlab.model.bert.MaskedLm;
import io.github.attnlab.model.bert.MaskedLmScore;
import io.github.attnlab.model.bert.PretrainedModel;
import io.github.attnlab.model.bert.QueryKeys;
import io.github.attnlab.model.bert.TinyModel;
import io.github.attnlab.model.data.AttentionDatasets;
import io.github.attnlab.model.data.Document;
import io.github.attnlab.model.data.Passage;
import io.github.attnlab.model.io.Npy;
import io.github.attnlab.model.io.Tensor;
import io.github.attnlab.model.text.Encoding;
import io.github.attnlab.model.text.Vocabulary;
import io.github.attnlab.patterns.AttentionMask;
import io.github.attnlab.plot.Figure;
import io.github.attnlab.plot.XYChart;
import io.github.attnlab.spectral.cut.SpectralGap;
import io.github.attnlab.spectral.eigen.EigenProblem;
import io.github.attnlab.spectral.eigen.SolverOptions;
import io.github.attnlab.spectral.graph.Laplacian;
import io.github.attnlab.spectral.graph.SparseMatrix;
import io.github.attnlab.spectral.graph.StandardGraphs;
import io.github.attnlab.spectral.graph.WeightedGraph;
import io.github.attnlab.spectral.partition.SpectralBisection;
import io.github.attnlab.spectral.resistance.EdgeResistances;
import io.github.attnlab.spectral.resistance.EffectiveResistance;
import io.github.attnlab.topk.RankedRow;
import io.github.attnlab.topk.TailBound;
import io.github.attnlab.topk.TopK;
import io.github.attnlab.tree.PartitionTree;
import io.github.attnlab.tree.Tensor3;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** The receivers and argument lists {@link ApiSamples} cannot derive from names and types alone. */
final class Register {

    private static Bert tiny;

    private Register() {
    }

    static Path scratch() {
        try {
            return Files.createDirectories(Path.of("target", "bad-input"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static synchronized Path tinyJar() {
        try {
            return TinyModel.jar(scratch(), TinyModel.onnx(1, 24, 8, 3, null, (n, v) -> v));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static synchronized Bert tiny() {
        if (tiny == null) {
            tiny = Bert.load(PretrainedModel.ALL_MINILM_L6_V2, tinyJar());
        }
        return tiny;
    }

    private static Encoding masked() {
        return tiny().encode("hello [MASK] world");
    }

    private static Path datasets() {
        return Path.of("..", "datasets");
    }

    /** A record for the rows of sample tables. */
    record Row(String group, int x, double y) {
    }

    static void all() {
        receiver(io.github.attnlab.plot.Table.class, () -> io.github.attnlab.plot.Table.of(List.of(new Row("a", 1, 0.5),
            new Row("b", 2, 0.25))));
        arguments("plot.Table.of(List)", () -> new Object[] {List.of(new Row("a", 1, 0.5))});
        double[] row = {0.5, 0.25, 1.0, 0.1};
        // compact
        receiver(Entmax.class, () -> new Entmax(1.5, ThresholdMethod.BISECTION));
        arguments("compact.Entmax.<init>(double,ThresholdMethod)", () -> new Object[] {1.5, ThresholdMethod.BISECTION});
        arguments("compact.Normalizer.entmax(double,ThresholdMethod)", () -> new Object[] {1.5, ThresholdMethod.SORT});
        arguments("compact.Normalizers.entmaxBisect(double,double[],double[],int,int)",
            () -> new Object[] {1.5, row.clone(), new double[N], 0, N});
        arguments("compact.Normalizers.entmaxBisect(double,float[],float[],int,int)",
            () -> new Object[] {1.5, new float[] {0.5f, 0.25f, 1.0f, 0.1f}, new float[N], 0, N});
        arguments("compact.Jacobians.entmaxAlpha(double,double[],double[],double[],int,int)",
            () -> new Object[] {1.5, row.clone(), Normalizer.entmax(1.5).apply(row).probabilities(), new double[N], 0, N});
        arguments("compact.Entmax.alphaDerivative(Normalized)", () -> new Object[] {new Entmax(1.5,
            ThresholdMethod.BISECTION).apply(row)});
        // compact.train
        receiver(RecallTask.class, () -> new RecallTask(2, 1, 1, 0.1));
        arguments("compact.train.RecallTask.<init>(int,int,int,double)", () -> new Object[] {2, 1, 1, 0.1});
        arguments("compact.train.Episode.<init>(double[],double[],double[],double[],int)",
            () -> new Object[] {new double[] {1, 2, 3, 4}, new double[] {1, 2}, new double[] {1, 2}, new double[] {1}, 2});
        receiver(KernelRegressionHead.class, () -> Trainer.on(new RecallTask(2, 1, 1, 0.1)).steps(2).run().head());
        arguments("compact.train.KernelRegressionHead.attention(Episode)", () -> new Object[] {episode()});
        arguments("compact.train.KernelRegressionHead.predict(Episode)", () -> new Object[] {episode()});
        arguments("compact.train.KernelRegressionHead.withParameters(double[])",
            () -> new Object[] {((KernelRegressionHead) receiver(KernelRegressionHead.class)).parameters()});
        arguments("compact.train.Evaluation.of(KernelRegressionHead,Task,int,int,long)", () -> new Object[] {
            receiver(KernelRegressionHead.class), new RecallTask(2, 1, 1, 0.1), 4, 3, 1L});
        arguments("compact.train.LengthSweep.of(Task,List,int[],int,long)", () -> new Object[] {
            new RecallTask(2, 1, 1, 0.1), List.of(Trainer.on(new RecallTask(2, 1, 1, 0.1)).steps(2).run()),
            new int[] {4, 8}, 3, 1L});
        // core
        arguments("core.ArgSort.ascending(double[],int,int,int[])", () -> new Object[] {row.clone(), 0, N, new int[N]});
        arguments("core.ArgSort.descending(double[],int,int,int[])", () -> new Object[] {row.clone(), 0, N, new int[N]});
        arguments("core.LogitRow.validate(String,double[],int,int)", () -> new Object[] {"logits", row.clone(), 0, N});
        arguments("core.LogitRow.validate(String,float[],int,int)",
            () -> new Object[] {"logits", new float[] {1, 2, 3, 4}, 0, N});
        arguments("core.Check.open(String,double,double,double)", () -> new Object[] {"x", 0.5, 0.0, 1.0});
        arguments("core.Check.openClosed(String,double,double,double)", () -> new Object[] {"x", 0.5, 0.0, 1.0});
        arguments("core.Check.closed(String,double,double,double)", () -> new Object[] {"x", 0.5, 0.0, 1.0});
        arguments("core.Check.state(boolean,String)", () -> new Object[] {true, "x"});
        arguments("core.AxisBisection.build(double[][],int,int,Builder)", () -> new Object[] {matrix(), 1, 4,
            new AxisBisection.Builder<Integer>() {
                @Override
                public Integer leaf(int[] points) {
                    return points.length;
                }

                @Override
                public Integer node(Integer lower, Integer upper) {
                    return lower + upper;
                }
            }});
        // haar
        receiver(HaarCoefficients.class, () -> TensorHaar.bi(PartitionTree.dyadic(N), PartitionTree.dyadic(N))
            .forward(matrix()));
        receiver(HolderEstimate.class, () -> ((HaarCoefficients) receiver(HaarCoefficients.class)).holder());
        receiver(SyntheticHeads.class, () -> SyntheticHeads.generate(N, 2, 2, 1));
        arguments("haar.SyntheticHeads.generate(int,int,int,long)", () -> new Object[] {N, 2, 2, 1L});
        arguments("haar.SyntheticHeads.generate(int,List,int,long)", () -> new Object[] {N,
            List.of(SyntheticHeads.Kind.values()[0]), 2, 1L});
        receiver(TensorHaar.class, () -> TensorHaar.bi(PartitionTree.dyadic(N), PartitionTree.dyadic(N)));
        arguments("haar.TensorHaar.inverse(HaarCoefficients)", () -> new Object[] {receiver(HaarCoefficients.class)});
        arguments("haar.TensorHaar.basis(int)", () -> new Object[] {0});
        arguments("haar.HaarCoefficients.get(int[])", () -> new Object[] {new int[] {1, 2}});
        // model
        receiver(AttentionTensor.class, () -> AttentionTensor.of("m", List.of("a", "b", "c", "d"), 2, 2,
            stochastic(2 * 2 * N * N), stochastic(2 * 2 * N * N)));
        receiver(Bert.class, Register::tiny);
        arguments("model.bert.Bert.withThreads(int)", () -> new Object[] {2});
        arguments("model.bert.Bert.load(PretrainedModel,Path)",
            () -> new Object[] {PretrainedModel.ALL_MINILM_L6_V2, tinyJar()});
        arguments("model.bert.Bert.fillMask(String)", () -> new Object[] {"hello [MASK] world"});
        arguments("model.bert.Bert.fillMask(String,int)", () -> new Object[] {"hello [MASK] world", 2});
        arguments("model.bert.Bert.maskedLm(String)", () -> new Object[] {"hello [MASK] world"});
        arguments("model.bert.Bert.maskedLm(Encoding)", () -> new Object[] {masked()});
        arguments("model.bert.Bert.mask(Encoding,int[])", () -> new Object[] {tiny().encode("hello world"),
            new int[] {1}});
        arguments("model.bert.Bert.passages(String,int)", () -> new Object[] {"hello world hello", 4});
        arguments("model.bert.Bert.withoutHeads(boolean[][])", () -> new Object[] {new boolean[1][12]});
        arguments("model.bert.Bert.withoutHeads(int[])", () -> new Object[] {new int[] {3}});
        arguments("model.bert.Bert.attention(Encoding)", () -> new Object[] {tiny().encode("hello world")});
        receiver(MaskedLm.class, Register::maskedLm);
        receiver(QueryKeys.class, () -> tiny().queryKeys(tiny().encode("hello world")));
        arguments("model.bert.MaskedLm.<init>(Encoding,int[],double[][],Vocabulary)", () -> {
            MaskedLm m = maskedLm();
            return new Object[] {m.input(), m.positions(), m.logProbabilities(), m.vocabulary()};
        });
        receiver(MaskedLmScore.class, () -> new MaskedLmScore("m", 0, 1, new int[] {5, 6}, new int[] {5, 5},
            new double[] {-0.5, -1.5}));
        arguments("model.bert.MaskedLmScore.minus(MaskedLmScore)", () -> new Object[] {receiver(MaskedLmScore.class)});
        arguments("model.bert.MaskedPassage.<init>(Encoding,Encoding,int[])", () -> {
            Encoding e = tiny().encode("hello world");
            return new Object[] {e, tiny().mask(e, new int[] {1}).masked(), new int[] {1}};
        });
        arguments("model.bert.PretrainedModel.named(String)", () -> new Object[] {"bert-base-uncased"});
        receiver(AttentionDatasets.class, AttentionDatasets::open);
        arguments("model.data.AttentionDatasets.attention(PretrainedModel,String)",
            () -> new Object[] {PretrainedModel.ALL_MINILM_L6_V2, "moby-dick-ch001-w0"});
        arguments("model.data.AttentionDatasets.tokens(String)", () -> new Object[] {"moby-dick-ch001-w0"});
        arguments("model.data.AttentionDatasets.corpus(String)", () -> new Object[] {"moby-dick"});
        arguments("model.data.AttentionDatasets.bytes(String)", () -> new Object[] {"SHA256SUMS"});
        arguments("model.data.Corpus.parse(String,byte[])", () -> new Object[] {"x.jsonl",
            "{\"id\": \"a\", \"title\": \"A\", \"text\": \"hello\"}\n".getBytes(StandardCharsets.UTF_8)});
        arguments("model.data.Corpus.read(Path)", () -> new Object[] {datasets().resolve("texts/moby-dick.jsonl")});
        arguments("model.data.Corpus.toBytes(List)", () -> new Object[] {List.of(new Document("a", "A", "hello"))});
        arguments("model.data.Corpus.find(List,String)", () -> new Object[] {List.of(new Document("a", "A", "hi")), "a"});
        arguments("model.data.Sha256Sums.of(Path)", () -> new Object[] {datasets().resolve("SHA256SUMS")});
        arguments("model.data.Sha256Sums.read(Path)", () -> new Object[] {datasets().resolve("SHA256SUMS")});
        arguments("model.data.Sha256Sums.write(Path,Map)", () -> new Object[] {scratch().resolve("SUMS"),
            Map.of("a", "00")});
        arguments("model.io.Half.toFloat(short)", () -> new Object[] {(short) 0x3c00});
        arguments("model.io.JarEntries.read(Path,String,Set)", () -> new Object[] {tinyJar(), null,
            Set.of("all-minilm-l6-v2.onnx")});
        ApiSamples.receiverFor("haar.Paraproduct.apply(double[])", () -> io.github.attnlab.haar.Paraproduct.of(
            io.github.attnlab.haar.SmoothFunction.EXP, PartitionTree.dyadic(N)));
        ApiSamples.receiverFor("haar.TensorHaar.forward(Tensor3)", () -> TensorHaar.tri(PartitionTree.dyadic(N),
            PartitionTree.dyadic(N), PartitionTree.dyadic(N)));
        arguments("haar.TensorHaar.forward(Tensor3)", () -> new Object[] {Tensor3.of(new double[][][] {matrix(),
            matrix(), matrix(), matrix()})});
        arguments("model.io.Npy.write(Path,Type,int[],float[])", () -> new Object[] {scratch().resolve("a.npy"),
            Npy.Type.values()[0], new int[] {2, 2}, new float[4]});
        arguments("model.io.Npy.write(Path,int[],int[])", () -> new Object[] {scratch().resolve("i.npy"),
            new int[] {2, 2}, new int[4]});
        arguments("model.io.Npy.toBytes(String,Type,int[],float[])", () -> new Object[] {"a", Npy.Type.values()[0],
            new int[] {2, 2}, new float[4]});
        arguments("model.io.Npy.readFloats(Path)", () -> new Object[] {npy()});
        arguments("model.io.Npy.readFloats(Path,byte[])", () -> new Object[] {npy(), npyBytes()});
        arguments("model.io.Npy.readInts(Path,int[][])", () -> new Object[] {ints(), new int[1][]});
        receiver(Tensor.class, () -> Tensor.of("t", new int[] {2, 2}, new float[4]));
        arguments("model.io.Tensor.of(String,int[],float[])", () -> new Object[] {"t", new int[] {2, 2}, new float[4]});
        arguments("model.text.BertTokenizer.of(List)", () -> new Object[] {List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]",
            "[MASK]", "hello")});
        arguments("model.text.Encoding.<init>(List,int[])", () -> new Object[] {List.of("a", "b"), new int[] {0, 1}});
        receiver(Encoding.class, () -> new Encoding(List.of("a", "b"), new int[] {0, 1}));
        arguments("model.text.Vocabulary.of(List)", () -> new Object[] {List.of("[PAD]", "a")});
        receiver(Vocabulary.class, () -> Vocabulary.of(List.of("[PAD]", "x")));
        arguments("model.text.Vocabulary.token(int)", () -> new Object[] {0});
        arguments("model.text.Vocabulary.parse(byte[])",
            () -> new Object[] {"[PAD]\nhello\n".getBytes(StandardCharsets.UTF_8)});
        arguments("patterns.AttentionMask.ofRows(BitSet[])", () -> {
            BitSet[] keys = new BitSet[N];
            for (int i = 0; i < N; i++) {
                keys[i] = new BitSet();
                keys[i].set(0, i + 1);
            }
            return new Object[] {keys};
        });
        receiver(AttentionMask.class, () -> AttentionMask.causal(N));
        receiver(Figure.class, () -> XYChart.of("t", "x", "y").line("a", new double[] {1, 2}, new double[] {1, 2}));
        arguments("compact.train.LengthSweep.difference(String,String,int)", () -> new Object[] {"softmax", "softmax", 0});
        arguments("compact.train.LengthSweep.mse(String,int)", () -> new Object[] {"softmax", 0});
        arguments("compact.train.LengthSweep.stderr(String,int)", () -> new Object[] {"softmax", 0});
        arguments("diffusion.DiffusionMap.extend(double[],double)", () -> new Object[] {new double[] {2}, 1.0});
        receiver(io.github.attnlab.haar.Paraproduct.class, () -> io.github.attnlab.haar.Paraproduct.of(
            io.github.attnlab.haar.SmoothFunction.EXP, PartitionTree.dyadic(N), PartitionTree.dyadic(N)));
        arguments("haar.TensorHaar.forward(double[])", () -> new Object[] {new double[N * N]});
        arguments("haar.TensorHaar.forward(double[],double[])", () -> new Object[] {new double[N * N], new double[N * N]});
        arguments("haar.TensorHaar.inverse(double[],double[])", () -> new Object[] {new double[N * N], new double[N * N]});
        arguments("model.bert.Bert.mask(List,double,long)", () -> new Object[] {List.of(tiny().encode("hello world")),
            0.5, 1L});
        arguments("model.bert.MaskedLm.argmax(int)", () -> new Object[] {0});
        arguments("model.bert.MaskedLm.logProbability(int,int)", () -> new Object[] {0, 5});
        arguments("model.bert.MaskedLm.probability(int,int)", () -> new Object[] {0, 5});
        arguments("model.bert.MaskedLm.top(int,int)", () -> new Object[] {0, 2});
        arguments("model.bert.QueryKeys.keys(int,int)", () -> new Object[] {0, 1});
        arguments("model.bert.QueryKeys.queries(int,int)", () -> new Object[] {0, 1});
        arguments("model.data.AttentionDatasets.bytes(String)", () -> new Object[] {"tokens/moby-dick-ch001-w0.txt"});
        arguments("model.io.OnnxInitializers.read(String,byte[])", () -> new Object[] {"m.onnx",
            io.github.attnlab.model.io.OnnxInitializersTest.model()});
        arguments("model.io.TfCheckpoint.read(String,byte[],String,byte[])", () -> {
            var b = io.github.attnlab.model.io.TfCheckpointTest.sample();
            return new Object[] {"idx", b.index(), "dat", b.data()};
        });
        receiver(io.github.attnlab.model.text.BertTokenizer.class, () -> tiny().tokenizer());
        arguments("model.text.BertTokenizer.of(Vocabulary)", () -> new Object[] {tiny().tokenizer().vocabulary()});
        arguments("spectral.graph.JGraphTAdapter.fromJGraphT(Graph,List)", () -> new Object[] {
            io.github.attnlab.spectral.graph.JGraphTAdapter.toJGraphT(StandardGraphs.path(N)),
            new java.util.ArrayList<>(List.of(0, 1, 2, 3))});
        receiver(io.github.attnlab.topk.TailCurve.class, () -> TopK.of(row.clone()).curve());
        receiver(Tensor3.class, () -> Tensor3.of(new double[][][] {matrix(), matrix()}));
        arguments("tree.Tensor3.get(int,int,int)", () -> new Object[] {1, 1, 1});
        arguments("tree.TreeSums.folderSums(PartitionTree,double[],int,int,int,double[])", () -> new Object[] {
            PartitionTree.dyadic(N), new double[N * 2], 0, 2, 2, new double[PartitionTree.dyadic(N).nodeCount() * 2]});
        arguments("haar.Paraproduct.apply(double[])", () -> new Object[] {new double[] {0.1, 0.2, 0.3, 0.4}});
        // simd: a 2 x 3 product with k = 4, every operand exactly its rows
        receiver(io.github.attnlab.simd.ParallelGemm.class,
            () -> io.github.attnlab.simd.ParallelGemm.of(io.github.attnlab.simd.SimdOps.get(), 2));
        arguments("simd.ParallelGemm.gemm(int,int,int,float[],int,int,float[],int,int,float[],int,int)",
            () -> new Object[] {2, 3, 4, new float[8], 0, 4, new float[12], 0, 3, new float[6], 0, 3});
        arguments("simd.Workers.run(int,int,Task)",
            () -> new Object[] {3, 2, (io.github.attnlab.simd.Workers.Task) (worker, task) -> { }});
        // spectral
        receiver(io.github.attnlab.spectral.heads.TopKGapSweep.class,
            () -> io.github.attnlab.spectral.heads.TopKGapSweep.of(Map.of("p", (AttentionTensor) receiver(AttentionTensor.class)), 1, 2));
        arguments("spectral.heads.TopKGapSweep.of(Map,int[])",
            () -> new Object[] {Map.of("p", (AttentionTensor) receiver(AttentionTensor.class)), new int[] {1, 2}});
        arguments("spectral.heads.TopKGapSweep.gapRatioQuartiles(int)", () -> new Object[] {2});
        arguments("spectral.heads.SparsificationStudy.of(AttentionTensor,int[][],double,int[],int[],long)",
            () -> new Object[] {(AttentionTensor) receiver(AttentionTensor.class), new int[][] {{0, 1}}, 0.5, new int[] {20, 80},
                new int[] {2}, 1L});
        receiver(SpectralBisection.class, () -> SpectralBisection.INSTANCE);
        receiver(EdgeResistances.class, () -> EffectiveResistance.exactEdges(StandardGraphs.path(N)));
        arguments("spectral.cut.Cheeger.of(WeightedGraph,SpectralGap)", () -> new Object[] {StandardGraphs.path(N),
            SpectralGap.of(Laplacian.symmetric(StandardGraphs.path(N)))});
        arguments("spectral.eigen.EigenProblem.<init>(Operator,double,double[][],double[])", Register::eigenProblem);
        arguments("spectral.eigen.Lanczos.smallest(EigenProblem,int,SolverOptions)", () -> new Object[] {
            EigenProblem.of(Laplacian.combinatorial(StandardGraphs.path(8))), 2, SolverOptions.DEFAULT});
        arguments("spectral.eigen.Lanczos.smallest(EigenProblem,int,int,SolverOptions)", () -> new Object[] {
            EigenProblem.of(Laplacian.combinatorial(StandardGraphs.path(8))), 1, 4, SolverOptions.DEFAULT});
        arguments("spectral.eigen.Lobpcg.smallest(EigenProblem,int,SolverOptions)", () -> new Object[] {
            EigenProblem.of(Laplacian.combinatorial(StandardGraphs.path(12))), 2, SolverOptions.DEFAULT});
        arguments("spectral.eigen.SolverOptions.withTolerance(double)", () -> new Object[] {1e-6});
        arguments("spectral.graph.Components.members(int)", () -> new Object[] {0});
        receiver(io.github.attnlab.spectral.graph.SparseMatrixBuilder.class, () -> SparseMatrix.builder(N, N));
        receiver(SparseMatrix.class, () -> StandardGraphs.path(N).adjacency());
        arguments("spectral.graph.WeightedGraph.fromEdges(int,int[],int[],double[])", () -> new Object[] {N,
            new int[] {0, 1}, new int[] {1, 2}, new double[] {1, 2}});
        arguments("spectral.sparsify.SpectralSparsifier.sample(WeightedGraph,EdgeResistances,int,long)",
            () -> new Object[] {StandardGraphs.path(N), receiver(EdgeResistances.class), 4, 1L});
        arguments("spectral.sparsify.SpectralSparsifier.toEdgeBudget(WeightedGraph,EdgeResistances,int,long)",
            () -> new Object[] {StandardGraphs.path(N), receiver(EdgeResistances.class), 2, 1L});
        arguments("spectral.resistance.EdgeResistances.<init>(EdgeList,double[],int,Method,int)", () -> {
            EdgeResistances r = (EdgeResistances) receiver(EdgeResistances.class);
            return new Object[] {r.edges(), r.resistances(), r.components(), r.method(), 0};
        });
        // topk
        receiver(RankedRow.class, () -> new RankedRow().rank(row.clone()));
        arguments("topk.RankedRow.rank(double[],int,int)", () -> new Object[] {row.clone(), 0, N});
        arguments("topk.TailBound.upper(RankedRow,int)", () -> new Object[] {receiver(RankedRow.class), 2});
        arguments("topk.TailCurve.firstCertified(TailBound,double)", () -> new Object[] {TailBound.EXACT, 0.1});
        receiver(TopK.class, () -> TopK.of(row.clone()).withValues(matrix()));
        // tree
        arguments("tree.FlexibleTree.timeGrowth(double)", () -> new Object[] {2.0});
        arguments("tree.Tensor3.of(int,int,int,double[])", () -> new Object[] {1, 2, 2, row.clone()});
        arguments("tree.Questionnaire.treeDistances(Tensor3,int,PartitionTree,PartitionTree,double,double)",
            () -> new Object[] {Tensor3.of(new double[][][] {matrix(), matrix(), matrix(), matrix()}), 0,
                PartitionTree.dyadic(N), PartitionTree.dyadic(N), 1.0, 1.0});
        arguments("tree.TreeFigure.groups(int[],String[])", () -> new Object[] {new int[] {0, 1, 0, 1},
            new String[] {"a", "b"}});
    }

    static Object[] eigenProblem() {
        EigenProblem p = EigenProblem.of(Laplacian.combinatorial(StandardGraphs.path(N)));
        return new Object[] {p.operator(), p.normBound(), p.constraints(), p.diagonal()};
    }

    private static MaskedLm maskedLm() {
        Encoding e = masked();
        double[] lp = new double[TinyModel.VOCAB.length];
        java.util.Arrays.fill(lp, -Math.log(lp.length));
        return new MaskedLm(e, new int[] {e.indexOf("[MASK]")}, new double[][] {lp}, tiny().tokenizer().vocabulary());
    }

    private static Episode episode() {
        return new RecallTask(2, 1, 1, 0.1).sample(new Random(1), 4);
    }

    private static float[] stochastic(int size) {
        float[] f = new float[size];
        java.util.Arrays.fill(f, 1f / N);
        return f;
    }

    private static Path npy() {
        Path p = scratch().resolve("r.npy");
        Npy.write(p, Npy.Type.values()[0], new int[] {2, 2}, new float[4]);
        return p;
    }

    private static byte[] npyBytes() {
        return Npy.toBytes("r.npy", Npy.Type.values()[0], new int[] {2, 2}, new float[4]);
    }

    private static Path ints() {
        Path p = scratch().resolve("ints.npy");
        Npy.write(p, new int[] {2, 2}, new int[4]);
        return p;
    }
}
