"""The test suite (docs/testing.md).

pytest caches each test module with its asserts rewritten (and Hypothesis's modules, which it rewrites too, Hypothesis
being a plugin's package) only where Python may write bytecode. This machine sets PYTHONDONTWRITEBYTECODE, so every
process (each xdist worker) rewrote them all again: about 4.5 of the 8 CPU seconds of a worker's collection. This
package is imported before tests/conftest.py and every test module, so they, the project's own modules and Hypothesis
are cached in the git-ignored __pycache__ folders from the second run on; Python checks each cache against its
source, as for any .pyc.
"""

import sys

sys.dont_write_bytecode = False
