"""MCDS installs as a package: the wheel carries the standard's artefacts (current and released), and an
installed `mcds validate` works from any folder, in English and French."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "datapackages" / "kestrel-bay-college"


def declared_packages() -> list[str]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]


def test_pyproject_lists_every_package_of_the_tree() -> None:
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "mcds").rglob("__init__.py")}
    assert set(declared_packages()) == found | {"mcds.standard.schema"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
                    "--wheel-dir", str(out), str(ROOT)], check=True, cwd=out)
    return next(out.glob("mcds-*.whl"))


def test_the_wheel_ships_the_current_and_released_artefacts(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = "mcds/standard/schema/"
    for artefact in ("generated/datapackage.json", "generated/mcds.model.json", "generated/templates/mcds-template.xlsx"):
        assert shipped + artefact in names
    for release in (ROOT / "schema" / "releases").iterdir():
        if release.is_dir():
            assert f"{shipped}releases/{release.name}/generated/datapackage.json" in names
    assert not any(name.startswith("generators/") for name in names), "no generic top-level package"
    assert "mcds/portal/templates/catalogue/record.html.j2" in names
    for table in ("noc-2021-v1.0.csv", "cip-2021-v1.0.csv", "naics-2022-v1.0.csv", "README.md"):
        assert f"{shipped}statcan/{table}" in names, "the official classification tables ship in the wheel"


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel installed; its dependencies come from the test environment."""
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                    str(wheel)], check=True)
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               capture_output=True, text=True, check=True).stdout.strip())
    # The dependencies (frictionless, openpyxl, ...) of this environment, but not its editable MCDS: a path
    # listed in a .pth file is added as it is, its own .pth files (the editable finder's) are not run.
    (site / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    return venv


@pytest.mark.parametrize(("lang", "words"), [("en", "VALID"), ("fr", "VALIDE")])
def test_an_installed_mcds_validates_a_sample_from_another_folder(installed: Path, tmp_path: Path, lang: str,
                                                                   words: str) -> None:
    submission = tmp_path / "submission"
    shutil.copytree(SAMPLE, submission)
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "MCDS_LANG")}
    where = subprocess.run([str(installed / "bin" / "python"), "-c", "import mcds; print(mcds.__file__)"],
                           capture_output=True, text=True, check=True, cwd=work, env=env)
    assert Path(where.stdout.strip()).is_relative_to(installed), "the test must run the installed copy"
    result = subprocess.run([str(installed / "bin" / "mcds"), "validate", str(submission), "--lang", lang],
                            capture_output=True, text=True, cwd=work, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(f"{submission}: {words} ("), result.stdout
    assert "Traceback" not in result.stderr


def test_the_installed_package_finds_its_artefacts_in_site_packages(installed: Path, tmp_path: Path) -> None:
    code = "from mcds.standard import paths; print(paths.PROFILE_FILE)"
    result = subprocess.run([str(installed / "bin" / "python"), "-c", code], capture_output=True, text=True,
                            check=True, cwd=tmp_path)
    found = Path(result.stdout.strip())
    assert found.is_relative_to(installed) and found.is_file()
    assert found.as_posix().endswith("mcds/standard/schema/generated/datapackage.json")


@pytest.mark.parametrize(("fixture", "code", "column"), [("noc-unit-group-absent", "72199", "occupations"),
                                                          ("naics-bare-31", "31", "industries")])
def test_an_installed_mcds_checks_codes_against_the_shipped_tables(installed: Path, tmp_path: Path, fixture: str,
                                                                   code: str, column: str) -> None:
    """No table imported (an empty data folder): the wheel's own Statistics Canada tables refuse the code."""
    submission = ROOT / "tests" / "data" / "submissions" / "invalid" / "unknown-code" / fixture
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "MCDS_LANG")}
    env["MCDS_DATA_DIR"] = str(tmp_path / "empty")
    result = subprocess.run([str(installed / "bin" / "mcds"), "validate", str(submission), "--format", "json"],
                            capture_output=True, text=True, cwd=tmp_path, env=env)
    assert result.returncode == 1, result.stdout + result.stderr
    errors = json.loads(result.stdout)["errors"]
    assert [(e["code"], e["row"], e["column"]) for e in errors] == [("unknown-code", 2, column)]
    assert f'"{code}"' in errors[0]["message"]
