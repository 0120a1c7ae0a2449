"""Benchmark: the validation service of `mcds serve` under load. 16 clients upload at once the same filled Excel
template of 500 microcredentials (from `mcds synth`); every answer must be the report `mcds validate --format
json` writes for that file. Prints the median and worst response times, one upload alone for comparison, and
the peak memory of the service (its process and its validation workers, summed, sampled every 50 ms), and
`mcds validate` on the same file in the same run for comparison.

Run: .venv/bin/python benchmarks/service_load.py [--clients 16] [--microcredentials 500]
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from common import BIN, _tree_memory, run, status, synth

# The workbook is made the way the service tests make theirs: the generated template filled from the package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from service_support import multipart, start_service, stop_service, workbook_from_package  # noqa: E402


def post(url: str, body: bytes, content_type: str) -> tuple[float, int, bytes]:
    parts = urlsplit(url)
    start = time.perf_counter()
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=600)
    try:
        connection.request("POST", "/api/validate?format=json", body=body, headers={"Content-Type": content_type})
        response = connection.getresponse()
        answer = response.read()
    finally:
        connection.close()
    return time.perf_counter() - start, response.status, answer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--microcredentials", type=int, default=500)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        synth(root / "synth", 1, arguments.microcredentials, observations=2000, seed=7)
        package = next((root / "synth").iterdir())
        workbook = workbook_from_package(package, root / f"{package.name}.xlsx")
        expected = subprocess.run([str(BIN / "mcds"), "validate", workbook.name, "--format", "json"], cwd=root,
                                  capture_output=True, check=False).stdout
        command = run([str(BIN / "mcds"), "validate", workbook.name, "--format", "json"], cwd=root)
        site = root / "site"
        site.mkdir()
        (site / "index.html").write_text("<!doctype html><title>MCDS</title>", encoding="utf-8")
        process, url = start_service(site)
        body, content_type = multipart({}, workbook.name, workbook.read_bytes())
        peak, done = [0], threading.Event()

        def sample() -> None:
            while not done.wait(0.05):
                peak[0] = max(peak[0], _tree_memory(process.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        try:
            alone = post(url, body, content_type)  # also lets the workers finish starting
            alone = post(url, body, content_type)
            results: list[tuple[float, int, bytes]] = [(0.0, 0, b"")] * arguments.clients
            barrier = threading.Barrier(arguments.clients)

            def client(index: int) -> None:
                barrier.wait()
                results[index] = post(url, body, content_type)

            threads = [threading.Thread(target=client, args=(i,)) for i in range(arguments.clients)]
            start = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            total = time.perf_counter() - start
        finally:
            done.set()
            sampler.join()
            stop_service(process)
    correct = sum(1 for _, code, answer in results if code == 200 and answer == expected)
    times = [seconds for seconds, _, _ in results]
    verdict = "valid" if b'"valid": true' in expected else "invalid"
    print(f"workbook: {arguments.microcredentials} microcredentials, {len(body) / 2**20:.2f} MiB upload, "
          f"{verdict} per mcds validate")
    print(f"one upload alone: {alone[0]:.2f} s; mcds validate on the same file, same run: {command.wall:.2f} s, "
          f"{command.peak:.0f} MiB")
    print(f"{arguments.clients} at once: {correct}/{arguments.clients} answered with the command's report "
          f"({status(correct == arguments.clients)}); all done in {total:.2f} s")
    print(f"response time: median {statistics.median(times):.2f} s, worst {max(times):.2f} s")
    print(f"peak memory of the service, workers included: {peak[0] / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
