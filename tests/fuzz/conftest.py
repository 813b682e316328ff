"""The fuzz test's own demo pemda behind a real gunicorn: the dashboard tests' fixtures,
imported here so this package gets instances of its own (what the fuzzer writes stays in its
database)."""
from tests.dashboard.conftest import api_url, demo_env, demo_logins  # noqa: F401
