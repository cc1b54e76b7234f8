import pytest

# The foundation fixtures are both imported by test modules and loaded as a plugin: rewrite asserts once.
pytest.register_assert_rewrite("tests.foundation_fixtures")
