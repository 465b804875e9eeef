"""Virtual expo catalogs for UMKM: a Pelican plugin that turns exhibitor folders into a site."""

from .plugin import register

__all__ = ["register"]
