"""Named KDF cost profiles, so callers above the services layer never import ``security``."""

from __future__ import annotations

from clientvault.core.errors import ValidationError
from clientvault.security.keyfile import FAST_KDF, PRODUCTION_KDF, KdfParams

#: ``production``: Argon2id 64 MiB, 3 passes, 4 lanes. ``fast``: tests and benchmarks only.
KDF_PROFILES: dict[str, KdfParams] = {"production": PRODUCTION_KDF, "fast": FAST_KDF}


def kdf_profile(name: str) -> KdfParams:
    """Return the KDF cost called ``name``.

    Raises:
        ValidationError: ``{"kdf_profile": "unknown"}``.
    """
    try:
        return KDF_PROFILES[name]
    except KeyError:
        raise ValidationError({"kdf_profile": "unknown"}) from None
