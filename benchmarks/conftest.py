"""Benchmarks run with `make bench`; each prints its figures as `bench: NAME VALUE` lines."""

import pytest


@pytest.fixture
def report_bench():
    """`report_bench(name, value)` prints one figure in the contract's format."""

    def report(name, value):
        print(f"\nbench: {name} {value:.3f}" if isinstance(value, float) else f"\nbench: {name} {value}")

    return report
