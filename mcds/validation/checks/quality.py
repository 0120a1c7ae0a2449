"""Layer 3: advisory quality checks. They never block publication; each says why it matters and how to
improve, and the portal publishes them as the quality-check catalogue."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
from frictionless import Error
from frictionless.table import Row

from mcds.validation.checks.base import QUALITY, McdsCellError, McdsCheck, cell_error
from mcds.validation.entry import entry
from mcds.validation.findings import WARNING

MINIMUM_DESCRIPTION = 15
TEXT_COLUMNS = ("title", "description", "entry_requirements", "labour_market_evidence")


def _warning(code: str, title: tuple[str, str], why: tuple[str, str], message: tuple[str, str], fix: tuple[str, str]):
    return entry(code, WARNING, QUALITY, title, why, message, fix)


class ShortDescription(McdsCellError):
    entry = _warning(
        "quality-short-description", ("Description too short", "Description trop courte"),
        ("Registries such as the Credential Registry require at least 15 characters, and learners need more.",
         "Des registres comme le Credential Registry exigent au moins 15 caractères, et les personnes apprenantes ont besoin de plus."),
        ("The description has {length} characters.", "La description compte {length} caractères."),
        ("Say what learners will be able to do, for whom it is meant and how it is delivered.",
         "Dites ce que les personnes apprenantes sauront faire, à qui il s'adresse et comment il est offert."))


class NoLabourMarketCodes(McdsCellError):
    entry = _warning(
        "quality-no-occupations", ("No occupation or industry", "Aucune profession ni industrie"),
        ("Without NOC or NAICS codes, nobody can tell which labour-market needs the microcredential answers.",
         "Sans codes CNP ou SCIAN, personne ne peut dire à quels besoins du marché du travail répond le microtitre."),
        ("The microcredential names no occupation and no industry.", "Le microtitre ne nomme aucune profession ni industrie."),
        ("Add up to three NOC 2021 codes in occupations, and NAICS codes in industries.",
         "Ajoutez jusqu'à trois codes CNP 2021 dans occupations, et des codes SCIAN dans industries."))


class NoSkills(McdsCellError):
    entry = _warning(
        "quality-no-skills", ("No Skills for Success", "Aucune Compétence pour réussir"),
        ("Skills make microcredentials comparable across providers.",
         "Les compétences rendent les microtitres comparables d'un fournisseur à l'autre."),
        ("The microcredential names no Skills for Success.", "Le microtitre ne nomme aucune Compétence pour réussir."),
        ("List the Skills for Success it develops in skills.", "Indiquez dans skills les Compétences pour réussir qu'il développe."))


class NoFrench(McdsCellError):
    entry = _warning(
        "quality-no-french", ("No French", "Aucun français"),
        ("French-speaking learners across Canada cannot read a record that has no French.",
         "Les personnes apprenantes francophones du Canada ne peuvent pas lire un enregistrement sans français."),
        ("No text of this microcredential is in French.", "Aucun texte de ce microtitre n'est en français."),
        ("Add at least the French title and description.", "Ajoutez au moins le titre et la description en français."))


class NoEnglish(McdsCellError):
    entry = _warning(
        "quality-no-english", ("No English", "Aucun anglais"),
        ("English-speaking learners across Canada cannot read a record that has no English.",
         "Les personnes apprenantes anglophones du Canada ne peuvent pas lire un enregistrement sans anglais."),
        ("No text of this microcredential is in English.", "Aucun texte de ce microtitre n'est en anglais."),
        ("Add at least the English title and description.", "Ajoutez au moins le titre et la description en anglais."))


class NoEmployerEngagement(McdsCellError):
    entry = _warning(
        "quality-no-employer-engagement", ("No employer engagement", "Aucune participation d'employeur"),
        ("Employer engagement is the main evidence that a microcredential meets a labour-market need.",
         "La participation des employeurs est la principale preuve qu'un microtitre répond à un besoin du marché du travail."),
        ("The microcredential has no row in employer_engagements.", "Le microtitre n'a aucune ligne dans employer_engagements."),
        ("Describe the employers who co-designed, validate, host or recognize it.",
         "Décrivez les employeurs qui l'ont conçu avec vous, le valident, accueillent des stagiaires ou le reconnaissent."))


class NoOfferings(McdsCellError):
    entry = _warning(
        "quality-no-offerings", ("No scheduled offering", "Aucune offre prévue"),
        ("Learners look for dates and places; an active microcredential without offerings looks unavailable.",
         "Les personnes apprenantes cherchent des dates et des lieux; un microtitre actif sans offre semble indisponible."),
        ("The active microcredential has no row in offerings.", "Le microtitre actif n'a aucune ligne dans offerings."),
        ("Add its next sessions, or a self-paced offering.", "Ajoutez ses prochaines sessions, ou une offre à rythme libre."))


class NoFundingInformation(McdsCellError):
    entry = _warning(
        "quality-no-funding", ("No financial-aid information", "Aucune information sur l'aide financière"),
        ("Cost is the first barrier to access; learners need to know which aid applies.",
         "Le coût est le premier obstacle à l'accès; les personnes apprenantes doivent savoir quelle aide s'applique."),
        ("The microcredential has no row in funding_eligibilities.", "Le microtitre n'a aucune ligne dans funding_eligibilities."),
        ("State its eligibility for OSAP micro-credentials, the Canada Training Credit or other programmes, even when "
         "it is not eligible.",
         "Indiquez son admissibilité au RAFEO pour les microtitres, à l'Allocation canadienne pour la formation ou à "
         "d'autres programmes, même lorsqu'il n'est pas admissible."))


@attrs.define(kw_only=True, repr=False)
class quality(McdsCheck):
    type = "mcds-quality"
    Errors = [ShortDescription, NoLabourMarketCodes, NoSkills, NoFrench, NoEnglish, NoEmployerEngagement, NoOfferings,
              NoFundingInformation]
    tables = ("microcredentials",)

    def validate_row(self, row: Row) -> Iterator[Error]:
        if not self.applies() or not row["id"]:
            return
        for lang in ("en", "fr"):
            text = (row[f"description_{lang}"] or "").strip()
            if text and len(text) < MINIMUM_DESCRIPTION:
                yield cell_error(ShortDescription, row, f"description_{lang}", length=len(text))
        if not row["occupations"] and not row["industries"]:
            yield cell_error(NoLabourMarketCodes, row, "occupations")
        if not row["skills"]:
            yield cell_error(NoSkills, row, "skills")
        for lang, warning in (("fr", NoFrench), ("en", NoEnglish)):
            if not any((row[f"{column}_{lang}"] or "").strip() for column in TEXT_COLUMNS):
                yield cell_error(warning, row, f"title_{lang}")
        identifier = row["id"]
        children = self.index.children
        if identifier not in children.get("employer_engagements", set()):
            yield cell_error(NoEmployerEngagement, row, "id")
        if row["status"] == "active" and identifier not in children.get("offerings", set()):
            yield cell_error(NoOfferings, row, "id")
        if identifier not in children.get("funding_eligibilities", set()):
            yield cell_error(NoFundingInformation, row, "id")


CHECKS = [quality]
