"""Virtual expo catalogs for UMKM: a Pelican plugin that turns exhibitor folders into a site."""


def register() -> None:
    """Pelican's plugin hook. Imported lazily: photo worker processes import `expo.images.encode`
    and should not pay for importing Pelican."""
    from expo.site.plugin import register as _register

    _register()


__all__ = ["register"]
