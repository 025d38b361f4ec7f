"""Test settings: only what must differ from base."""

import os

os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("SECRET_KEY", "test-only-key")

from .base import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Bounded like production: the pool of base.py (DATABASE_POOL_MAX_SIZE), no persistent
# connections outside it.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
# The suite writes far faster than a person, all from one address: limits that never bite
# (tests/accounts/test_throttling.py sets low ones where it tests them).
RATE_LIMITS = {scope: "100000/hour" for scope in RATE_LIMITS}  # noqa: F405
# A test's browser may fire many requests at a slow shared machine: wait for a slot rather
# than refuse (tests/config/test_capacity.py sets low bounds where it tests them).
OVERLOAD_QUEUE_WAIT = float(os.environ.get("OVERLOAD_QUEUE_WAIT", 60))
