"""Hypothesis settings for the property tests: no deadline (timing is the benchmarks' job)."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

settings.register_profile(
    "playbook",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
    # Same examples on every run and machine, nothing written into the work tree.
    database=None,
)
settings.load_profile("playbook")
