import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """The shared ``roles`` fixture sets seven passwords per test; a fast hasher
    keeps these view tests quick (logins use ``force_login`` anyway)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
