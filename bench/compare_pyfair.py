#!/usr/bin/env python3
"""Bascule's Monte Carlo against pyfair's, each on its own workload, and the ratio.

pyfair: 100,000 trials of 10 risks over one year for one option (a FairMetaModel of ten
FairModels, PERT frequency and magnitude). Bascule: 100,000 trials of the reference
scenario: 9 risks over 5 years for both options, common random numbers, exceedance curves,
the net benefit per trial — a larger job. Bascule is timed as a whole process
(`bascule simulate`), start-up and file reading included; pyfair in-process.

Run it through `bench/compare-pyfair.sh`, which builds Bascule and installs pyfair in a
virtual environment under target/.
"""

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TRIALS = 100_000
ROUNDS = 3


def time_pyfair() -> float:
    from pyfair import FairMetaModel, FairModel

    best = float("inf")
    for _ in range(ROUNDS):
        start = time.perf_counter()
        models = []
        for i in range(10):
            model = FairModel(name=f"risk {i}", n_simulations=TRIALS, random_seed=42 + i)
            model.input_data("Loss Event Frequency", low=0.05, mode=0.2 + i / 20, high=2.0)
            model.input_data("Loss Magnitude", low=20_000, mode=200_000 * (i + 1), high=5_000_000)
            models.append(model)
        meta = FairMetaModel(name="ten risks", models=models)
        meta.calculate_all()
        best = min(best, time.perf_counter() - start)
    return best


def time_bascule(binary: Path) -> float:
    reference = subprocess.run([binary, "defaults"], check=True, capture_output=True).stdout
    with tempfile.NamedTemporaryFile(suffix=".json") as scenario:
        scenario.write(reference)
        scenario.flush()
        command = [binary, "simulate", scenario.name, "--format", "json", "--trials", str(TRIALS)]
        subprocess.run(command, check=True, capture_output=True)  # warm the file cache
        best = float("inf")
        for _ in range(ROUNDS * 2):
            start = time.perf_counter()
            output = subprocess.run(command, check=True, capture_output=True).stdout
            best = min(best, time.perf_counter() - start)
        report = json.loads(output)
        assert report["trials"] == TRIALS
    return best


def main() -> int:
    binary = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("target/release/bascule")
    pyfair_seconds = time_pyfair()
    bascule_seconds = time_bascule(binary)
    print(f"pyfair : {pyfair_seconds * 1000:8.1f} ms  ({TRIALS:,} trials × 10 risks × 1 year × 1 option)")
    print(f"bascule: {bascule_seconds * 1000:8.1f} ms  ({TRIALS:,} trials × 9 risks × 5 years × 2 options, whole process)")
    print(f"bascule is {pyfair_seconds / bascule_seconds:.1f}× faster on a {9 * 5 * 2 / 10:.0f}× larger job")
    return 0


if __name__ == "__main__":
    sys.exit(main())
