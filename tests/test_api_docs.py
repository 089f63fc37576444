"""The API reference page is the docstrings as they are, and the API's
docstring examples run."""

from __future__ import annotations

import doctest
import importlib.util

from argmap import api

from conftest import ROOT, needs_dot


def test_the_api_reference_page_is_up_to_date():
    spec = importlib.util.spec_from_file_location(
        "api_reference", ROOT / "docs" / "api_reference.py"
    )
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    page = (ROOT / "docs" / "api-reference.md").read_text(encoding="utf-8")
    assert page == module.reference(), "stale: run python docs/api_reference.py"
    for name in api.__all__:
        assert f"## `argmap.{name}" in page


@needs_dot
def test_the_api_docstring_examples_run():
    result = doctest.testmod(api, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 3 and result.failed == 0


def test_every_api_function_documents_what_it_raises():
    for name in api.__all__:
        obj = getattr(api, name)
        if callable(obj) and not isinstance(obj, type):
            assert "Raises:" in (obj.__doc__ or ""), name
