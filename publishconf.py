"""Settings for the published site: pelicanconf.py plus the real address.

Set EXPO_SITEURL in the environment (the deploy workflow does), e.g.
EXPO_SITEURL=https://dinkop.example.go.id/expo invoke publish
"""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: E402,F401,F403

SITEURL = os.environ.get("EXPO_SITEURL", "").rstrip("/")
RELATIVE_URLS = not SITEURL
