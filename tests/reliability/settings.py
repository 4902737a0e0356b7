"""The production settings, as they are, for the reliability tests.

One difference: the collected static files go to a folder of the test run's
own (``MOCI_RELIABILITY_STATIC_ROOT``) rather than ``<repo>/static``, so a test
run never writes into the working tree. Everything else — database, caches,
security, logging — is ``mocisite.settings.production`` read from the
environment the tests give each process.
"""

import os
from pathlib import Path

from mocisite.settings.production import *  # noqa: F403

STATIC_ROOT = Path(os.environ["MOCI_RELIABILITY_STATIC_ROOT"])
