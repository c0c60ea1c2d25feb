import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The shared fixtures create seven logins per test; PBKDF2 would dominate.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def framework(db) -> dict:
    """Dimensions, the development forms and the matrix of Tables 4/5."""
    from competencies.demo import seed

    context: dict = {}
    seed(None, context)
    return context
