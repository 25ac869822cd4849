// AttnLab start-up script: imports every package of the library and the JDK types the notebooks use, so
// a notebook cell can write TopK.of(...), Normalizer.entmax(1.5) or Table.of(...) without import lines.
// The kernelspec written by scripts/notebooks.py runs it at kernel start (rapaio: RJK_INIT_SCRIPT; IJava and
// JJava: IJAVA_STARTUP_SCRIPTS_PATH / JJAVA_STARTUP_SCRIPTS_PATH). Checked by contract.StartupScriptTest.
import io.github.attnlab.compact.*;
import io.github.attnlab.compact.nw.*;
import io.github.attnlab.compact.train.*;
import io.github.attnlab.core.*;
import io.github.attnlab.diffusion.*;
import io.github.attnlab.haar.*;
import io.github.attnlab.measure.*;
import io.github.attnlab.model.*;
import io.github.attnlab.model.attention.*;
import io.github.attnlab.model.bert.*;
import io.github.attnlab.model.data.*;
import io.github.attnlab.model.io.*;
import io.github.attnlab.model.text.*;
import io.github.attnlab.model.view.*;
import io.github.attnlab.patterns.*;
import io.github.attnlab.plot.*;
import io.github.attnlab.repro.*;
import io.github.attnlab.simd.*;
import io.github.attnlab.spectral.*;
import io.github.attnlab.spectral.cut.*;
import io.github.attnlab.spectral.eigen.*;
import io.github.attnlab.spectral.graph.*;
import io.github.attnlab.spectral.heads.*;
import io.github.attnlab.spectral.partition.*;
import io.github.attnlab.spectral.resistance.*;
import io.github.attnlab.spectral.sparsify.*;
import io.github.attnlab.stats.*;
import io.github.attnlab.topk.*;
import io.github.attnlab.tree.*;
import io.github.attnlab.wasserstein.*;
