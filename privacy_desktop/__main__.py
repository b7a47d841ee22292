"""``python -m privacy_desktop``."""

import sys

from privacy_desktop.cli import main

sys.exit(main())
