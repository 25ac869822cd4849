// rapaio's start-up script for AttnLab (RJK_INIT_SCRIPT): the library's imports, kept equal to
// io.github.attnlab.jupyter.Imports.script() by ImportsTest, then rapaio's own display() and friends once more.
import io.github.attnlab.core.*;
import io.github.attnlab.topk.*;
import io.github.attnlab.compact.*;
import io.github.attnlab.compact.nw.*;
import io.github.attnlab.compact.train.*;
import io.github.attnlab.diffusion.*;
import io.github.attnlab.tree.*;
import io.github.attnlab.haar.*;
import io.github.attnlab.spectral.*;
import io.github.attnlab.spectral.graph.*;
import io.github.attnlab.spectral.heads.*;
import io.github.attnlab.spectral.eigen.*;
import io.github.attnlab.spectral.cut.*;
import io.github.attnlab.spectral.resistance.*;
import io.github.attnlab.spectral.sparsify.*;
import io.github.attnlab.spectral.partition.*;
import io.github.attnlab.patterns.*;
import io.github.attnlab.model.*;
import io.github.attnlab.model.view.*;
import io.github.attnlab.model.bert.*;
import io.github.attnlab.model.data.*;
import io.github.attnlab.plot.*;
import io.github.attnlab.repro.*;
import io.github.attnlab.measure.*;
import io.github.attnlab.model.attention.*;
import io.github.attnlab.model.io.*;
import io.github.attnlab.model.text.*;
import io.github.attnlab.simd.*;
import io.github.attnlab.stats.*;
import io.github.attnlab.wasserstein.*;
// rapaio 3.0.1 evaluates its own init script (java.util.*, ..., static Global.*) as one snippet, which a notebook's
// "import java.util.*;" replaces, taking display() with it; imported again here, as a snippet of its own, it stays.
import static org.rapaio.jupyter.kernel.global.Global.*;
