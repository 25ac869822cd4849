package io.github.attnlab.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The Parquet schemas of the job (documented in the README) and the conversions between rows and records. */
final class Schemas {

    /** The input: one passage per row. */
    static final StructType PASSAGE = new StructType(new StructField[]{
            DataTypes.createStructField("id", DataTypes.StringType, true),
            DataTypes.createStructField("document", DataTypes.StringType, true),
            DataTypes.createStructField("window", DataTypes.IntegerType, true),
            DataTypes.createStructField("text", DataTypes.StringType, true)});

    /** The output {@code rows/}: one row per (passage, layer, head); a failed passage has one row with {@code error}. */
    static final StructType ROW = new StructType(new StructField[]{
            DataTypes.createStructField("passage_id", DataTypes.StringType, false),
            DataTypes.createStructField("layer", DataTypes.IntegerType, true),
            DataTypes.createStructField("head", DataTypes.IntegerType, true),
            DataTypes.createStructField("tokens", DataTypes.IntegerType, true),
            DataTypes.createStructField("epsilons", DataTypes.createArrayType(DataTypes.DoubleType, false), true),
            DataTypes.createStructField("k_fraction", DataTypes.createArrayType(DataTypes.DoubleType, false), true),
            DataTypes.createStructField("sigma", DataTypes.DoubleType, true),
            DataTypes.createStructField("lambda2", DataTypes.DoubleType, true),
            DataTypes.createStructField("cheeger", DataTypes.DoubleType, true),
            DataTypes.createStructField("haar_l1", DataTypes.DoubleType, true),
            DataTypes.createStructField("entmax_support", DataTypes.DoubleType, true),
            DataTypes.createStructField("error", DataTypes.StringType, true)});

    private Schemas() {
    }

    static Row passage(CorpusPassage p) {
        return RowFactory.create(p.id(), p.document(), p.window(), p.text());
    }

    /**
     * The passage of an input row; a corrupted row (a missing field) throws an {@code IllegalArgumentException}
     * naming the passage (or, without an id, the row).
     */
    static CorpusPassage passage(Row r, String where) {
        String id = r.isNullAt(0) ? null : r.getString(0);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("passage '<" + where + ">': the row has no passage id (corrupted input row)");
        }
        for (int i = 1; i < PASSAGE.size(); i++) {
            if (r.isNullAt(i)) {
                throw new IllegalArgumentException("passage '" + id + "': " + PASSAGE.fields()[i].name()
                        + " is missing (corrupted input row)");
            }
        }
        return new CorpusPassage(id, r.getString(1), r.getInt(2), r.getString(3));
    }

    static Row row(HeadStats s) {
        return RowFactory.create(s.passageId(), s.layer(), s.head(), s.tokens(), boxed(s.epsilons()), boxed(s.kFraction()),
                s.sigma(), s.lambda2(), s.cheeger(), s.haarL1(), s.entmaxSupport(), null);
    }

    static Row error(PassageError e) {
        return RowFactory.create(e.passageId(), null, null, null, null, null, null, null, null, null, null, e.message());
    }

    static HeadStats stats(Row r) {
        return new HeadStats(r.getString(0), r.getInt(1), r.getInt(2), r.getInt(3), doubles(r.getList(4)),
                doubles(r.getList(5)), r.getDouble(6), r.getDouble(7), r.getDouble(8), r.getDouble(9), r.getDouble(10));
    }

    static PassageError error(Row r) {
        return new PassageError(r.getString(0), r.getString(11));
    }

    /** A Scala sequence: what Spark's row encoder takes for an array column. */
    private static scala.collection.Seq<Double> boxed(double[] x) {
        List<Double> out = new ArrayList<>(x.length);
        for (double v : x) {
            out.add(v);
        }
        return scala.jdk.javaapi.CollectionConverters.asScala(out).toSeq();
    }

    private static double[] doubles(List<Double> x) {
        double[] out = new double[x.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = x.get(i);
        }
        return out;
    }
}
