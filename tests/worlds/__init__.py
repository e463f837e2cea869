"""Sandbox worlds for tests and benchmarks, kept out of the package: the hostile web and the hard worlds.

`hostile` serves spider traps, bombs and SSRF bait beside a generated blogosphere; `hard` builds
blogospheres with graded ground truth (prose in `hardtext`, extra topics in `hardvocab`).
Benchmarks import them with the tests folder on ``sys.path``.
"""
