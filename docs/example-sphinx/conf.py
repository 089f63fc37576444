# A tiny Sphinx project with an argument map:
# .venv/bin/sphinx-build -b html docs/example-sphinx output/example-sphinx
project = "argmap in Sphinx"
extensions = ["argmap.integrations.sphinx"]
exclude_patterns = ["maps"]
