"""Test setup: Qt runs offscreen, and hypothesis keeps its database out of the tree."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
