"""The one registry of bilingual text (mcds.i18n): every table has both languages with the same placeholders,
every key is used somewhere, and importing a module never changes what `t` knows."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from mcds import i18n

PACKAGE = Path(i18n.__file__).parent
SOURCES = "\n".join(p.read_text(encoding="utf-8") for p in sorted(PACKAGE.rglob("*"))
                    if p.suffix in {".py", ".j2", ".html", ".js"} and p.is_file())
# Keys put together in code from a prefix and a value (f"facet.{facet}"): the prefixes as written.
DYNAMIC_PREFIXES = set(re.findall(r"""f["']([\w.\-]+[._])\{""", SOURCES)) | \
    set(re.findall(r"""["']([\w.\-]+[._])["']\s*\+""", SOURCES)) | set(re.findall(r"""~\s*["']([\w.\-]+[._])["']""", SOURCES))


@pytest.mark.parametrize("namespace", sorted(i18n.TABLES))
def test_every_entry_has_both_languages_with_the_same_placeholders(namespace: str) -> None:
    for key, texts in i18n.table(namespace).items():
        assert set(texts) == set(i18n.LANGUAGES), f"{namespace}: {key}"
        assert all(texts[lang].strip() for lang in i18n.LANGUAGES), f"{namespace}: {key} has an empty text"
        english, french = (set(re.findall(r"{(\w+)", texts[lang])) for lang in i18n.LANGUAGES)
        # French may add a value that English already says in its words (a bump's code beside its French name).
        assert english <= french, f"{namespace}: {key} loses {english - french} in French"


@pytest.mark.parametrize("namespace", sorted(i18n.TABLES))
def test_every_key_is_used(namespace: str) -> None:
    unused = [key for key in i18n.table(namespace)
              if f'"{key}"' not in SOURCES and f"'{key}'" not in SOURCES
              and not any(key.startswith(prefix) for prefix in DYNAMIC_PREFIXES)]
    assert not unused, f"keys of {namespace} that no code uses: {unused}"


def test_every_message_key_resolves_through_t() -> None:
    for namespace in ("core", *i18n.MESSAGE_NAMESPACES):
        for key, texts in i18n.table(namespace).items():
            names = set(re.findall(r"{(\w+)", texts["en"] + texts["fr"]))
            numeric = re.search(r"{\w+:[^}]*[df]}", texts["en"] + texts["fr"])
            values = {name: 1 if numeric else "x" for name in names}
            for lang in i18n.LANGUAGES:
                assert i18n.t(key, lang, **values)


def test_importing_a_module_does_not_change_what_t_knows() -> None:
    """Only mcds.i18n is imported: the portal's messages are still there, and the portal was not imported."""
    code = ("import sys; from mcds.i18n import t; print(t('portal.serve.missing', 'fr', path='site')); "
            "print('mcds.portal.site' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines() == [i18n.t("portal.serve.missing", "fr", path="site"), "False"]
