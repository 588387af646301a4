"""Benchmarks run with `make bench`; each prints its figures as `bench: NAME VALUE` lines, and the
session ends with a summary table of every figure against its target."""

import pytest

# name: (target, "lower" if smaller is better else "higher")
TARGETS = {
    "aggregate_30000_reviews_s": (None, "lower"),
    "allocate_3000x10000_s": (5.0, "lower"),
    "allocate_3000x10000_peak_mb": (None, "lower"),
    "allocate_first_choice_pct": (None, "higher"),
    "sales_peak_rps": (None, "higher"),
    "sales_peak_p95_ms": (300.0, "lower"),
    "sales_peak_lost_or_doubled": (0, "lower"),
    "sales_max_rps_p95_300": (50, "higher"),
    "sales_peak_2nodes_lost_or_doubled": (0, "lower"),
    "sales_peak_2nodes_p95_ms": (300.0, "lower"),
    "report_page_3000x9_s": (1.0, "lower"),
    # Not an issue's targets: our own bounds for the officer's page once scoring closes.
    "ranking_page_10000_first_s": (3.0, "lower"),
    "ranking_page_10000_s": (1.0, "lower"),
    "report_pdf_3000x9_s": (10.0, "lower"),
    "notify_enqueue_10000_s": (5.0, "lower"),
    "line_push_rate": (200.0, "higher"),
    "line_webhook_p95_ms": (100.0, "lower"),
    "line_chat_sale_p95_s": (3.0, "lower"),
    "public_story_p95_ms": (200.0, "lower"),
    "public_directory_p95_ms": (200.0, "lower"),
    "producer_sales_page_kb": (60.0, "lower"),
    "producer_sales_page_3g_s": (2.5, "lower"),
    "daily_province_page_3000x9_s": (1.0, "lower"),
    "daily_province_pdf_3000x9_s": (3.0, "lower"),
    "daily_province_png_3000x9_s": (3.0, "lower"),
    "daily_national_summary_3000x9_s": (2.0, "lower"),
    "allocate_national_s": (5.0, "lower"),
    "allocate_national_peak_mb": (200.0, "lower"),
    "national_progress_page_s": (1.0, "lower"),
}
RESULTS = {}


@pytest.fixture
def report_bench():
    """`report_bench(name, value)` prints one figure in the contract's format."""

    def report(name, value):
        RESULTS[name] = value
        shown = f"{value:.3f}" if isinstance(value, float) else f"{value}"
        print(f"\nbench: {name} {shown}", flush=True)

    return report


def _verdict(name, value):
    target, direction = TARGETS.get(name, (None, "lower"))
    if target is None:
        return "—", ""
    met = value <= target if direction == "lower" else value >= target
    sign = "≤" if direction == "lower" else "≥"
    return f"{sign} {target:g}", "met" if met else "MISSED"


def pytest_terminal_summary(terminalreporter):
    if not RESULTS:
        return
    write = terminalreporter.write_line
    write("")
    write(f"{'benchmark':<32} {'value':>12}  {'target':<10} verdict")
    for name in [*TARGETS, *sorted(set(RESULTS) - set(TARGETS))]:
        if name not in RESULTS:
            continue
        value = RESULTS[name]
        target, verdict = _verdict(name, value)
        shown = f"{value:.3f}" if isinstance(value, float) else f"{value}"
        write(f"{name:<32} {shown:>12}  {target:<10} {verdict}")
