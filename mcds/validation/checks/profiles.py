"""The rules of a profile that a Table Schema cannot state, because they look across rows or tables. They run
only when the submission is validated under that profile (`mcds validate --profile NAME`).

Ontario OSAP (guidelines of 2022-23): an Ontario public college, university or Indigenous institute awards the
microcredential, it has an osap_microcredentials funding row, and every offering spans fewer than 12 weeks.
EU Annex I: the type of quality assurance is stated, so none_declared cannot be given."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import attrs
from frictionless import Error
from frictionless.table import Row

from mcds.validation.checks.base import DOMAIN, McdsCellError, McdsCheck, cell_error
from mcds.validation.entry import entry
from mcds.validation.findings import ERROR

OSAP, EU = "ontario-osap", "eu-annex-i"
OSAP_PROGRAMME = "osap_microcredentials"
# An Indigenous institute is eligible as such; a college, polytechnic or university must also be public.
OSAP_INSTITUTES = {"indigenous_institute"}
OSAP_PUBLIC_TYPES = {"public_college", "polytechnic", "university"}
OSAP_MOST_WEEKS = 11


class OsapAwardingBodyError(McdsCellError):
    entry = entry(
        "osap-awarding-body", ERROR, DOMAIN, ("Awarding body not eligible for OSAP",
                                              "Organisme de délivrance non admissible au RAFEO"),
        ("Under the Ontario OSAP profile, a microcredential is awarded by an Ontario public college, university or "
         "Indigenous institute: an organization whose provinces include CA-ON and whose types include "
         "indigenous_institute, or public_college, polytechnic or university with the sector public.",
         "Selon le profil RAFEO de l'Ontario, un microtitre est délivré par un collège public, une université ou un "
         "institut autochtone de l'Ontario : une organisation dont les provinces comprennent CA-ON et dont les types "
         "comprennent indigenous_institute, ou public_college, polytechnic ou university avec le secteur public."),
        ("No awarding body of {microcredential} is an Ontario public college, university or Indigenous institute.",
         "Aucun organisme de délivrance de {microcredential} n'est un collège public, une université ou un institut "
         "autochtone de l'Ontario."),
        ("Name the Ontario institution that awards it, and give that organization its province, types and sector.",
         "Nommez l'établissement ontarien qui le délivre, et indiquez la province, les types et le secteur de "
         "cette organisation."))


class OsapFundingMissingError(McdsCellError):
    entry = entry(
        "osap-funding-missing", ERROR, DOMAIN, ("No OSAP funding row", "Aucune ligne de financement du RAFEO"),
        ("Under the Ontario OSAP profile, each microcredential states its OSAP micro-credential eligibility in a "
         "funding_eligibilities row with the programme osap_microcredentials.",
         "Selon le profil RAFEO de l'Ontario, chaque microtitre indique son admissibilité au RAFEO pour les "
         "microtitres dans une ligne de funding_eligibilities avec le programme osap_microcredentials."),
        ("{value} has no funding_eligibilities row for osap_microcredentials.",
         "{value} n'a aucune ligne de funding_eligibilities pour osap_microcredentials."),
        ("Add a row to funding_eligibilities with {value}, osap_microcredentials, its status and source.",
         "Ajoutez à funding_eligibilities une ligne avec {value}, osap_microcredentials, son statut et sa source."))


class OsapOfferingTooLongError(McdsCellError):
    entry = entry(
        "osap-offering-too-long", ERROR, DOMAIN, ("Offering of 12 weeks or more", "Offre de 12 semaines ou plus"),
        ("Under the Ontario OSAP profile, each offering lasts less than 12 weeks: from its start date to its end date, "
         "both included, it spans at most 11 weeks (77 days).",
         "Selon le profil RAFEO de l'Ontario, chaque offre dure moins de 12 semaines : de sa date de début à sa date "
         "de fin, incluses, elle s'étend sur au plus 11 semaines (77 jours)."),
        ("The offering runs {days} days, from {start} to {value}: more than 11 weeks.",
         "L'offre dure {days} jours, du {start} au {value} : plus de 11 semaines."),
        ("Shorten the offering, or validate it without the OSAP profile.",
         "Raccourcissez l'offre, ou validez-la sans le profil RAFEO."))


class EuQualityAssuranceError(McdsCellError):
    entry = entry(
        "eu-quality-assurance", ERROR, DOMAIN, ("No quality assurance declared",
                                                "Aucune assurance qualité déclarée"),
        ("Annex I of the EU Recommendation on micro-credentials requires the type of quality assurance, so under the "
         "EU Annex I profile none_declared is not accepted.",
         "L'annexe I de la recommandation de l'UE sur les microcertifications exige le type d'assurance qualité; "
         "selon le profil de l'annexe I de l'UE, none_declared n'est donc pas accepté."),
        ("qa_type is none_declared.", "qa_type vaut none_declared."),
        ("Give the type of quality assurance the microcredential undergoes, or validate it without the EU profile.",
         "Indiquez le type d'assurance qualité du microtitre, ou validez-le sans le profil de l'UE."))


def _osap_eligible(types: set[str], provinces: set[str], sector: str) -> bool:
    if "CA-ON" not in provinces:
        return False
    return bool(types & OSAP_INSTITUTES) or (bool(types & OSAP_PUBLIC_TYPES) and sector == "public")


@attrs.define(kw_only=True, repr=False)
class profiles(McdsCheck):
    type = "mcds-profiles"
    Errors = [OsapAwardingBodyError, OsapFundingMissingError, OsapOfferingTooLongError, EuQualityAssuranceError]

    def _name(self) -> str | None:
        return self.profile.get("mcds", {}).get("profile")

    def applies(self) -> bool:
        name = self._name()
        if name == OSAP:
            return self.table in ("microcredentials", "offerings")
        return name == EU and self.table == "quality_assurances"

    def validate_row(self, row: Row) -> Iterator[Error]:
        if not self.applies():  # Frictionless' own row machinery calls every check on every table
            return
        if self.table == "quality_assurances":
            if row.get("qa_type") == "none_declared":
                yield cell_error(EuQualityAssuranceError, row, "qa_type")
        elif self.table == "offerings":
            start, end = row.get("start_date"), row.get("end_date")
            if isinstance(start, datetime.date) and isinstance(end, datetime.date) and end >= start:
                days = (end - start).days + 1
                if days > OSAP_MOST_WEEKS * 7:
                    yield cell_error(OsapOfferingTooLongError, row, "end_date", days=days, start=start.isoformat())
        elif isinstance(row.get("id"), str):
            yield from self._osap_microcredential(row)

    def _osap_microcredential(self, row: Row) -> Iterator[Error]:
        places, types = self.index.organization_places, self.index.organization_types
        bodies = [body for body in (row.get("awarding_bodies") or "").split("|") if body in places]
        if bodies and not any(_osap_eligible(types[body], *places[body]) for body in bodies):
            yield cell_error(OsapAwardingBodyError, row, "awarding_bodies", microcredential=row["id"])
        if OSAP_PROGRAMME not in self.index.funding_programmes.get(row["id"], set()):
            yield cell_error(OsapFundingMissingError, row, "id")


CHECKS = [profiles]
