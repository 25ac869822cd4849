package io.github.attnlab.tree;

import io.github.attnlab.core.Check;
import io.github.attnlab.diffusion.DiffusionMap;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link Questionnaire#run()} found: one partition tree per axis, the diffusion map it was
 * built from, and every axis's trees after the start and after each iteration.
 *
 * @param trees    the final tree of each axis
 * @param maps     the diffusion map behind each final tree (null for an axis of one point)
 * @param history  per axis, the start tree then the tree after each iteration
 */
public record QuestionnaireResult(List<PartitionTree> trees, List<DiffusionMap> maps, List<List<PartitionTree>> history) {

    /** Copies the lists (maps may hold nulls). */
    public QuestionnaireResult {
        Check.notNull("trees", trees);
        Check.notNull("maps", maps);
        Check.notNull("history", history);
        trees = List.copyOf(trees);
        maps = java.util.Collections.unmodifiableList(new ArrayList<>(maps));
        List<List<PartitionTree>> h = new ArrayList<>();
        for (List<PartitionTree> l : history) {
            h.add(List.copyOf(l));
        }
        history = List.copyOf(h);
    }

    /** The final tree of {@code axis}. */
    public PartitionTree tree(int axis) {
        Check.index("axis", axis, trees.size());
        return trees.get(axis);
    }

    /** The diffusion map of {@code axis}'s final tree. */
    public DiffusionMap map(int axis) {
        Check.index("axis", axis, maps.size());
        return maps.get(axis);
    }

    /** The agreement of the last two trees of {@code axis} (how settled the iteration is). */
    public TreeAgreement settled(int axis) {
        Check.index("axis", axis, history.size());
        List<PartitionTree> h = history.get(axis);
        return TreeAgreement.of(h.get(Math.max(0, h.size() - 2)), h.get(h.size() - 1));
    }

    /** One line: the trees of the three axes. */
    @Override
    public String toString() {
        return "QuestionnaireResult[" + trees.get(0) + "; " + trees.get(1) + "; " + trees.get(2) + ", "
                + (history.get(0).size() - 1) + " iterations]";
    }
}
