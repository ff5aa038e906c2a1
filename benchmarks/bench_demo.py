"""Demo generator benchmark: the time to generate a 20,000-enterprise township. Prints; asserts nothing.

    .venv/bin/python benchmarks/bench_demo.py [--enterprises 20000] [--runs 3]

(Moved out of tests/core/test_demo.py: wall-clock bounds belong here, not in the suite.)
Reference: ~1.5 s on the development VM.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from inspector_app.core import demo  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--enterprises", type=int, default=20000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    times = []
    for _ in range(args.runs):
        t = time.perf_counter()
        demo.generate(seed=7, enterprises=args.enterprises)
        times.append(time.perf_counter() - t)
    print(f"demo.generate({args.enterprises}): median {statistics.median(times):.2f} s, "
          f"min {min(times):.2f} s over {args.runs} runs")


if __name__ == "__main__":
    main()
