"""Settings for the published site: pelicanconf.py plus the real address.

Set EXPO_SITEURL in the environment (the deploy workflow does), e.g.
EXPO_SITEURL=https://dinkop.example.go.id/expo invoke publish
A missing or malformed address stops the build with a message saying what to set
(expo/site/siteurl.py): a published site with a broken address breaks every link.
"""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: E402,F401,F403

from expo.site.siteurl import published_siteurl  # noqa: E402

SITEURL = published_siteurl(os.environ.get("EXPO_SITEURL"))
RELATIVE_URLS = False
