// AttnLab's start-up imports (rapaio: RJK_INIT_SCRIPT; JJava without the extension: JJAVA_STARTUP_SCRIPTS_PATH).
// Kept equal to io.github.attnlab.jupyter.Imports.script() by ImportsTest.
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
