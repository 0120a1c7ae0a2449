"""References across tables that a Frictionless foreign key cannot express: identifiers inside `|` lists,
offering codes scoped to their microcredential, identifiers prefixed by the provider's, self-references, and
records bound to the provider who sent them."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
from frictionless import Error
from frictionless.table import Row

from mcds.validation.checks.base import DOMAIN, McdsCellError, McdsCheck, cell_error
from mcds.validation.entry import entry
from mcds.validation.findings import ERROR

TABLE_OF = {"Organization": "organizations", "Microcredential": "microcredentials"}


class UnknownReferenceError(McdsCellError):
    entry = entry(
        "unknown-reference", ERROR, DOMAIN, ("Unknown identifier in a list", "Identifiant inconnu dans une liste"),
        ("Every identifier in a list must be a row of the table it refers to.",
         "Chaque identifiant d'une liste doit être une ligne de la table qu'il désigne."),
        ('"{item}" is not an identifier of the table {target}.', "« {item} » n'est pas un identifiant de la table {target}."),
        ("Add the row to {target}, or correct the identifier.", "Ajoutez la ligne à {target}, ou corrigez l'identifiant."),
        variants={  # the table has an identifier close to it (mcds.validation.refine)
            "suggested": (('"{item}" is not an identifier of the table {target}. Did you mean "{meant}"?',
                           "« {item} » n'est pas un identifiant de la table {target}. Vouliez-vous dire « {meant} » ?"),
                          ("Write {meant}, or add the row to {target}.", "Écrivez {meant}, ou ajoutez la ligne à {target}.")),
        })


class UnknownOfferingError(McdsCellError):
    entry = entry(
        "unknown-offering", ERROR, DOMAIN, ("Unknown offering", "Offre inconnue"),
        ("A cost that applies to one offering must name an offering of the same microcredential.",
         "Un coût qui s'applique à une offre doit désigner une offre du même microtitre."),
        ('"{value}" is not the code of an offering of {microcredential}.',
         "« {value} » n'est pas le code d'une offre de {microcredential}."),
        ("Use a code from the offerings table, or leave the cell empty if the cost applies to every offering.",
         "Utilisez un code de la table offerings, ou laissez la cellule vide si le coût s'applique à toutes les offres."))


class IdPrefixError(McdsCellError):
    entry = entry(
        "id-prefix", ERROR, DOMAIN, ("Identifier without the provider's prefix", "Identifiant sans le préfixe du fournisseur"),
        ("Identifiers of microcredentials and outcome reports start with the provider's identifier and a dot, so "
         "that they stay unique in the national catalogue.",
         "Les identifiants des microtitres et des rapports de résultats commencent par l'identifiant du fournisseur et "
         "un point, pour rester uniques dans le catalogue national."),
        ('"{value}" does not start with "{provider}.".', "« {value} » ne commence pas par « {provider}. »."),
        ('Write it as {provider}.{suffix}.', "Écrivez-le ainsi : {provider}.{suffix}."))


class SelfReferenceError(McdsCellError):
    entry = entry(
        "self-reference", ERROR, DOMAIN, ("Pathway to itself", "Cheminement vers lui-même"),
        ("A pathway relates a microcredential to another credential.",
         "Un cheminement relie un microtitre à un autre titre."),
        ("The microcredential {value} has a pathway to itself.", "Le microtitre {value} a un cheminement vers lui-même."),
        ("Name another target, or remove the row.", "Désignez une autre cible, ou retirez la ligne."))


class MissingRowsError(McdsCellError):
    entry = entry(
        "missing-rows", ERROR, DOMAIN, ("Required rows missing", "Lignes obligatoires manquantes"),
        ("Some parts are required: every microcredential has learning outcomes, assessments, quality assurance and "
         "costs, and every outcome report has observations.",
         "Certaines parties sont obligatoires : chaque microtitre a des résultats d'apprentissage, des évaluations, "
         "une assurance qualité et des coûts, et chaque rapport de résultats a des observations."),
        ("{value} has no row in the table {table}.", "{value} n'a aucune ligne dans la table {table}."),
        ("Add at least one row to {table} with {value} in its first column.",
         "Ajoutez au moins une ligne à {table} avec {value} dans sa première colonne."))


class OwnParentError(McdsCellError):
    entry = entry(
        "own-parent", ERROR, DOMAIN, ("Organization is its own parent", "Organisation mère d'elle-même"),
        ("parent_organization names the larger organization this one is part of, so it is another organization.",
         "parent_organization désigne l'organisation plus grande dont celle-ci fait partie; c'est donc une autre "
         "organisation."),
        ("The organization {value} names itself as its parent.", "L'organisation {value} se désigne comme sa propre mère."),
        ("Name the parent organization's identifier, or leave the cell empty.",
         "Inscrivez l'identifiant de l'organisation mère, ou laissez la cellule vide."))


class ProviderMismatchError(McdsCellError):
    entry = entry(
        "provider-mismatch", ERROR, DOMAIN, ("Submission sent under another name", "Soumission envoyée sous un autre nom"),
        ("The catalogue publishes a submission under the name of its folder (or of its file, without the extension), "
         "which must be the provider's identifier: a folder cannot publish in another provider's name.",
         "Le catalogue publie une soumission sous le nom de son dossier (ou de son fichier, sans l'extension), qui "
         "doit être l'identifiant du fournisseur : un dossier ne peut pas publier au nom d'un autre fournisseur."),
        ('The submission was sent as "{bound}" but declares the provider "{value}".',
         "La soumission a été envoyée sous le nom « {bound} », mais déclare le fournisseur « {value} »."),
        ('Name the folder or file "{value}" if that is your identifier; otherwise write "{bound}" in provider.',
         "Nommez le dossier ou le fichier « {value} » si c'est votre identifiant; sinon, inscrivez « {bound} » dans "
         "provider."))


class ForeignRecordError(McdsCellError):
    entry = entry(
        "foreign-record", ERROR, DOMAIN, ("Record of another organization", "Enregistrement d'une autre organisation"),
        ("A submission publishes its provider's own records: each microcredential is awarded or offered by the "
         "provider, and each report on a whole organization is about the provider. Other organizations are named "
         "as partners, awarding bodies or references, never described as if the provider owned their records.",
         "Une soumission publie les enregistrements de son propre fournisseur : chaque microtitre est décerné ou "
         "offert par le fournisseur, et chaque rapport sur une organisation entière porte sur le fournisseur. Les "
         "autres organisations sont nommées comme partenaires, organismes de délivrance ou références, jamais "
         "décrites comme si le fournisseur possédait leurs enregistrements."),
        ("This record is not the provider's own.", "Cet enregistrement n'appartient pas au fournisseur."),
        ("Describe only the provider's own records.", "Ne décrivez que les enregistrements du fournisseur."),
        variants={
            "microcredential": (
                ("Neither awarding_bodies nor offered_by names the provider {provider}.",
                 "Ni awarding_bodies ni offered_by ne nomment le fournisseur {provider}."),
                ("Add {provider} to offered_by (or to awarding_bodies if it awards the microcredential).",
                 "Ajoutez {provider} à offered_by (ou à awarding_bodies s'il décerne le microtitre).")),
            "report": (
                ("The report is about {subject}, not about the provider {provider}.",
                 "Le rapport porte sur {subject}, et non sur le fournisseur {provider}."),
                ("Report only on {provider} or on its microcredentials; {subject} reports its own outcomes.",
                 "Ne produisez de rapport que sur {provider} ou sur ses microtitres; {subject} présente ses propres "
                 "résultats.")),
        })


@attrs.define(kw_only=True, repr=False)
class references(McdsCheck):
    type = "mcds-references"
    Errors = [UnknownReferenceError, UnknownOfferingError, IdPrefixError, SelfReferenceError, MissingRowsError,
              ProviderMismatchError, ForeignRecordError, OwnParentError]

    lists: list[tuple[str, str, str]] = attrs.field(factory=list)
    required_children: list[str] = attrs.field(factory=list)

    def _known(self, class_name: str) -> set[str]:
        return self.index.organizations if class_name == "Organization" else self.index.microcredentials

    def prepare(self) -> None:
        self.lists = [(f["name"], f["mcds"]["separator"], f["mcds"]["reference"]) for f in self.fields()
                      if "reference" in f["mcds"] and "separator" in f["mcds"]]
        self.required_children = [r["name"] for r in self.profile.get("resources", [])
                                  if r["mcds"].get("parent") == self.table and r["mcds"].get("required")]

    def relevant(self) -> bool:
        return bool(self.lists or self.required_children) or self.table in (
            "cost_items", "microcredentials", "organizations", "outcome_reports", "pathways", "submission")

    def validate_row(self, row: Row) -> Iterator[Error]:
        yield from self._lists(row)
        yield from self._ownership(row)
        if self.table == "cost_items" and row["applies_to_offering"]:
            microcredential = row["microcredential_id"] or ""
            if row["applies_to_offering"] not in self.index.offerings.get(microcredential, set()):
                yield cell_error(UnknownOfferingError, row, "applies_to_offering", microcredential=microcredential)
        if self.required_children and row.get("id"):
            for child in self.required_children:
                if row["id"] not in self.index.children.get(child, set()):
                    yield cell_error(MissingRowsError, row, "id", table=child)
        if self.table == "pathways" and row["target_microcredential"] and \
                row["target_microcredential"] == row["microcredential_id"]:
            yield cell_error(SelfReferenceError, row, "target_microcredential")
        if self.table == "organizations" and row.get("parent_organization") and row["parent_organization"] == row["id"]:
            yield cell_error(OwnParentError, row, "parent_organization")

    def _lists(self, row: Row) -> Iterator[Error]:
        """Every item of a list of references names a row that exists."""
        for column, separator, reference in self.lists:
            value = row.get(column)
            if isinstance(value, str):
                known = self._known(reference)
                for item in value.split(separator):
                    if item and item not in known:
                        yield cell_error(UnknownReferenceError, row, column, item=item, target=TABLE_OF[reference])

    def _ownership(self, row: Row) -> Iterator[Error]:
        """The submission is in its sender's name, and its records are the provider's own."""
        name, provider = self.table, self.index.provider
        if name == "submission" and self.index.bound and row["provider"] and row["provider"] != self.index.bound:
            yield cell_error(ProviderMismatchError, row, "provider", bound=self.index.bound)
        if name in ("microcredentials", "outcome_reports") and provider and row["id"]:
            identifier = str(row["id"])
            if not identifier.startswith(provider + "."):
                yield cell_error(IdPrefixError, row, "id", provider=provider, suffix=identifier.split(".", 1)[-1])
        if name == "microcredentials" and provider and row["id"]:
            owners = [*(row["awarding_bodies"] or "").split("|"), *(row["offered_by"] or "").split("|")]
            if provider not in owners:
                yield cell_error(ForeignRecordError, row, "awarding_bodies", variant="microcredential", provider=provider)
        subject = row["subject_organization"] if name == "outcome_reports" else None
        if provider and subject and subject != provider:
            yield cell_error(ForeignRecordError, row, "subject_organization", variant="report", provider=provider,
                             subject=subject)


CHECKS = [references]
