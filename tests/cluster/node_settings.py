"""Settings of the web nodes the two-node tests start: the test settings with the login lock-out
on, as a deployment has it (the in-process tests switch it on only where they check it)."""

from tests.settings import *  # noqa: F403

AXES_ENABLED = True
