"""`mcds synth`: realistic synthetic submissions for benchmarks and scale tests.

Valid by construction, bilingual, every table filled, and reproducible from the seed: the same arguments give
byte-identical packages. Providers are laid out like datapackages/ (one data-package folder each).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mcds.standard import model, tabular

# (English topic, French topic, CIP 2021, NOC 2021 codes, NAICS 2022 codes, Skills for Success)
TOPICS = [
    ("Robotic welding", "Soudage robotisé", "48.0508", ["72106"], ["3323", "3361"], ["numeracy", "digital"]),
    ("Industrial maintenance", "Maintenance industrielle", "47.0303", ["72400"], ["3339"], ["problem_solving"]),
    ("PLC programming", "Programmation d'automates", "15.0404", ["22310"], ["3345"], ["digital", "problem_solving"]),
    ("Data analysis with Python", "Analyse de données avec Python", "11.0701", ["21211", "21232"], ["5415"], ["digital", "numeracy"]),
    ("Cloud administration", "Administration infonuagique", "11.1001", ["22220"], ["5182"], ["digital"]),
    ("Cybersecurity operations", "Opérations de cybersécurité", "11.1003", ["21220"], ["5415"], ["digital", "problem_solving"]),
    ("Wound care", "Soins des plaies", "51.3801", ["31301"], ["622"], ["communication", "problem_solving"]),
    ("Palliative care", "Soins palliatifs", "51.3902", ["32101"], ["623"], ["communication", "collaboration"]),
    ("Mental health first response", "Premiers soins en santé mentale", "51.1501", ["42201"], ["624"], ["communication", "adaptability"]),
    ("Early childhood inclusion", "Inclusion à la petite enfance", "19.0709", ["42202"], ["6244"], ["communication", "collaboration"]),
    ("Project management essentials", "Fondements de la gestion de projet", "52.0211", ["11202"], ["5416"], ["collaboration", "problem_solving"]),
    ("Bookkeeping with accounting software", "Tenue de livres avec un logiciel comptable", "52.0302", ["13100"], ["5412"], ["numeracy", "digital"]),
    ("Supply chain analytics", "Analytique de la chaîne d'approvisionnement", "52.0203", ["12013"], ["4931"], ["numeracy", "digital"]),
    ("Heat pump installation", "Installation de thermopompes", "47.0201", ["72402"], ["2382"], ["numeracy", "problem_solving"]),
    ("Electric vehicle servicing", "Entretien de véhicules électriques", "47.0614", ["72410"], ["8111"], ["digital", "problem_solving"]),
    ("Construction estimating", "Estimation en construction", "46.0412", ["22303"], ["2362"], ["numeracy", "reading"]),
    ("Forest inventory with drones", "Inventaire forestier par drone", "03.0511", ["22112"], ["1153"], ["digital", "numeracy"]),
    ("Sustainable agriculture", "Agriculture durable", "01.0308", ["82030"], ["1111"], ["problem_solving", "adaptability"]),
    ("Food safety", "Salubrité alimentaire", "01.1001", ["92012"], ["3116"], ["reading", "writing"]),
    ("Hospitality leadership", "Leadership en hôtellerie", "52.0901", ["60030"], ["7211"], ["communication", "collaboration"]),
    ("Digital marketing", "Marketing numérique", "52.1401", ["11202"], ["5418"], ["digital", "creativity_innovation"]),
    ("Indigenous language revitalization", "Revitalisation des langues autochtones", "16.1001", ["41200"], ["6112"], ["communication", "reading"]),
    ("Workplace French", "Français en milieu de travail", "55.0101", ["41200"], ["6116"], ["writing", "communication"]),
    ("Coastal climate adaptation", "Adaptation climatique côtière", "03.0104", ["21120"], ["5413"], ["problem_solving", "collaboration"]),
]
LEVELS = [("fundamentals", "fondements"), ("intermediate", "niveau intermédiaire"), ("advanced practice", "pratique avancée")]
SETTINGS = [("", ""), (" in small firms", " en petite entreprise"), (" in remote communities", " en communauté éloignée"),
            (" for team leads", " pour chefs d'équipe"), (" in the public sector", " dans le secteur public"),
            (" for newcomers", " pour personnes nouvellement arrivées"), (" in unionized workplaces", " en milieu syndiqué"),
            (" for supervisors", " pour superviseurs")]
PROVINCES = ["CA-ON", "CA-QC", "CA-BC", "CA-AB", "CA-MB", "CA-SK", "CA-NS", "CA-NB", "CA-NL", "CA-PE", "CA-YT", "CA-NT", "CA-NU"]
KINDS = ["public_college", "university", "polytechnic", "cegep", "indigenous_institute", "private_career_college",
         "online_platform", "industry_association"]
CITIES = {"CA-ON": "Sudbury", "CA-QC": "Rimouski", "CA-BC": "Kamloops", "CA-AB": "Red Deer", "CA-MB": "Brandon",
          "CA-SK": "Saskatoon", "CA-NS": "Truro", "CA-NB": "Moncton", "CA-NL": "Corner Brook", "CA-PE": "Summerside",
          "CA-YT": "Whitehorse", "CA-NT": "Yellowknife", "CA-NU": "Iqaluit"}
DIMENSIONS = ["gender", "age_group", "indigenous_identity", "disability", "immigrant_status"]
MIN_CELL = 5


def _text(en: str, fr: str) -> dict[str, str]:
    return {"en": en, "fr": fr}


def _organization(rng: random.Random, index: int) -> dict[str, Any]:
    province = PROVINCES[index % len(PROVINCES)]
    kind = KINDS[index % len(KINDS)]
    slug = f"synthetic-provider-{index:04d}"
    return {
        "id": slug,
        "name": _text(f"Synthetic Provider {index:04d}", f"Fournisseur synthétique {index:04d}"),
        "organization_types": [kind],
        "sector": "private_for_profit" if kind in ("private_career_college", "online_platform") else "public",
        "recognition_status": "registered" if kind == "private_career_college" else "recognized",
        "provinces": [province],
        "homepage": f"https://{slug}.example.ca",
        "training_credit_eligible": rng.random() < 0.8,
    }


def _partner(index: int, naics: str) -> dict[str, Any]:
    slug = f"synthetic-employer-{index:04d}"
    return {"id": slug, "name": _text(f"Synthetic Employer {index:04d}", f"Employeur synthétique {index:04d}"),
            "organization_types": ["employer"], "sector": "private_for_profit", "homepage": f"https://{slug}.example.ca"}


def _microcredential(rng: random.Random, provider: dict[str, Any], partner: str, number: int, variant: int) -> dict[str, Any]:
    # Successive variants of one provider differ in topic, level or setting, so that titles stay distinct.
    topic_en, topic_fr, cip, nocs, naics, skills = TOPICS[variant % len(TOPICS)]
    level_en, level_fr = LEVELS[variant // len(TOPICS) % len(LEVELS)]
    setting_en, setting_fr = SETTINGS[variant // (len(TOPICS) * len(LEVELS)) % len(SETTINGS)]
    weeks = rng.randint(2, 14)
    hours = rng.randint(max(6, weeks * 2), weeks * 12)
    province = provider["provinces"][0]
    sgc = model.value_annotation("ProvinceTerritoryEnum", province, "sgc_code")
    identifier = f"{provider['id']}.mc-{number:05d}"
    tuition = rng.randrange(0, 2400, 25)
    year = 2027 + number % 2
    offerings = [{
        "code": f"{year}-{term:02d}",
        "start_date": f"{year}-{term:02d}-11",
        "end_date": f"{year}-{term + 2:02d}-20",
        "application_deadline": f"{year}-{term:02d}-01",
        "schedule": rng.choice(["part_time", "full_time"]),
        "delivery_mode": rng.choice(["in_person", "blended", "online_synchronous"]),
        "province": province,
        "municipality": CITIES[province],
        "language": "fr" if province == "CA-QC" else "en",
        "capacity": rng.randint(12, 40),
    } for term in (1, 5)]
    return {
        "id": identifier,
        "title": _text(f"{topic_en}{setting_en}: {level_en}", f"{topic_fr}{setting_fr} : {level_fr}"),
        "description": _text(
            f"Build job-ready skills in {topic_en.lower()} through practice and a workplace project ({level_en}).",
            f"Développez des compétences en {topic_fr.lower()} prêtes pour l'emploi par la pratique et un projet en milieu de travail ({level_fr}).",
        ),
        "awarding_bodies": [provider["id"]],
        "languages": ["fr", "en"] if province in ("CA-QC", "CA-NB") else ["en"],
        "status": "active",
        "webpage": f"{provider['homepage']}/microcredentials/mc-{number:05d}",
        "learning_outcomes": [
            {"code": f"LO{i}", "statement": _text(f"Apply {topic_en.lower()} methods to task {i}.",
                                                 f"Appliquer les méthodes de {topic_fr.lower()} à la tâche {i}."),
             "outcome_type": "skill", "outcome_skills": skills[:1]}
            for i in (1, 2, 3)
        ],
        "workload_hours": hours,
        "duration_weeks": weeks,
        "credit_value": 3,
        "credit_unit": "academic_credit",
        "credit_bearing": True,
        "delivery_modes": sorted({o["delivery_mode"] for o in offerings}),
        "assessments": [{"assessment_methods": ["project", "practical_performance"], "supervision": "supervised_id_check",
                         "grading_scheme": "pass_fail", "competency_based": True, "employer_involved": True}],
        "quality_assurances": [{"qa_type": "institutional_approval", "qa_body": provider["id"], "decision_date": "2025-06-01",
                                "review_date": "2028-06-01"}],
        "framework_alignments": [{"framework": "cican_2021", "conformance": "self_declared"}],
        "entry_requirements": _text("Secondary school diploma or equivalent experience.",
                                    "Diplôme d'études secondaires ou expérience équivalente."),
        "field_of_study": cip,
        "occupations": nocs,
        "industries": naics,
        "skills": skills,
        "labour_market_evidence": _text("Regional employers reported unfilled positions in 2025.",
                                        "Des employeurs de la région ont signalé des postes vacants en 2025."),
        "employer_engagements": [{"partner": partner, "engagement_roles": ["co_design", "competency_validation"],
                                  "partner_industry": naics[0], "engagement_date": "2025-11-20"}],
        "target_groups": ["mid_career_workers"],
        "cost_items": [{"cost_type": "tuition", "amount": tuition, "residency": "domestic", "tuition_tax_credit_eligible": True},
                       {"cost_type": "materials", "amount": 75, "residency": "all"}],
        "funding_eligibilities": [{"funding_programme": "canada_training_credit",
                                   "eligibility_status": "eligible" if provider["training_credit_eligible"] else "not_eligible",
                                   "as_of_date": "2026-08-01"}],
        "accessibility_supports": ["captioning", "flexible_deadlines"],
        "pathways": [{"relation": "credit_toward", "target_name": _text(f"Diploma in {topic_en}", f"Diplôme en {topic_fr.lower()}"),
                      "target_awarding_body": provider["id"], "credits_granted": 3}],
        "prior_learning_recognition": True,
        "transcripted": True,
        "digital_credential_formats": ["open_badges_3"],
        "offerings": offerings,
        # The first economic region of the province (its SGC code followed by 10).
        "labour_market_evidence_items": [{
            "evidence_type": "job_posting_analysis", "evidence_source_url": f"{provider['homepage']}/labour-market/{number:05d}",
            "evidence_date": "2025-10-01", "evidence_occupations": nocs[:1], "economic_regions": [f"{sgc}10"],
            "evidence_summary": _text(f"Postings for {topic_en.lower()} rose in the region in 2025.",
                                      f"Les offres d'emploi en {topic_fr.lower()} ont augmenté dans la région en 2025.")}],
        "strategy_alignments": [{
            "strategy_name": _text(f"Synthetic {topic_en} Workforce Plan", f"Plan synthétique de main-d'œuvre en {topic_fr.lower()}"),
            "strategy_type": "skills_workforce", "strategy_jurisdiction": province,
            "strategy_url": f"https://strategy.example.ca/{province.lower()}/{variant % len(TOPICS)}",
            "priority_sectors": naics[:1], "economic_regions": [f"{sgc}10"], "alignment_date": "2026-01-15",
            "asserted_by": "provider"}],
        "recognitions": [{"recognized_by": partner, "recognition_type": "hiring_asset", "recognition_jurisdiction": province,
                          "recognition_date": "2025-12-01"}],
        "date_effective": "2026-09-01",
        "record_version": "1.0",
        "review_date": "2028-09-01",
    }


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    cuts = sorted(rng.randint(0, total) for _ in range(parts - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


def _breakdown(rng: random.Random, total: int, dimension: str) -> list[dict[str, Any]]:
    """One complete breakdown of `total`, small cells suppressed so that none can be recovered."""
    categories = [code for code, codelist in model.categories(dimension).items() if not model.deprecated(codelist, code)]
    counts = _split(rng, total, len(categories))
    hidden = {i for i, count in enumerate(counts) if count < MIN_CELL}
    if len(hidden) == 1:
        hidden.add(min((i for i in range(len(counts)) if i not in hidden), key=lambda i: counts[i]))
    return [{"dimension": dimension, "category": category, **({"suppressed": True} if i in hidden else {"value": counts[i]})}
            for i, (category, _) in enumerate(zip(categories, counts, strict=True))]


# (metric, months after completion, share of the previous figure)
METRIC_CHAIN = [("applicants", None, 1.0), ("enrolments", None, 0.7), ("completions", None, 0.8), ("employed", 6, 0.8),
                ("employed_related_field", 6, 0.75), ("employed", 12, 1.1), ("further_study", 12, 0.15)]
# Applicants and enrolments are published as totals only: broken down independently of completions, the
# difference of two cells would often reveal a count below the minimum (the privacy check's differencing rule).
BROKEN_DOWN = {"completions", "employed", "employed_related_field", "further_study"}


def _observations(rng: random.Random) -> Iterator[dict[str, Any]]:
    """Endless observations of one cohort: each metric's total, then its complete breakdowns."""
    figure = rng.randint(60, 600)
    for metric, months, share in METRIC_CHAIN:
        figure = max(4 * MIN_CELL, int(figure * share))
        timing = {"months_after_completion": months} if months is not None else {}
        yield {"metric": metric, **timing, "value": figure}
        for dimension in DIMENSIONS if metric in BROKEN_DOWN else ():
            for cell in _breakdown(rng, figure, dimension):
                yield {"metric": metric, **timing, **cell}


def _report(rng: random.Random, microcredential: str, period: int, size: int) -> dict[str, Any]:
    year, quarter = 2025 - period // 4, period % 4
    start_month = 1 + 3 * quarter
    rows: list[dict[str, Any]] = []
    for observation in _observations(rng):
        if len(rows) == size:
            break
        rows.append(observation)
    return {
        "id": f"{microcredential.replace('.', '.outcomes-', 1)}-{year}q{quarter + 1}",
        "subject_microcredential": microcredential,
        "period_start": f"{year:04d}-{start_month:02d}-01",
        "period_end": f"{year:04d}-{start_month + 2:02d}-28",
        "data_source": "institutional_administrative",
        "min_cell_size": MIN_CELL,
        "suppression_policy": _text("Counts below 5 are suppressed, with a second cell where a total would reveal them.",
                                    "Les effectifs inférieurs à 5 sont supprimés, avec une deuxième cellule lorsqu'un total les révélerait."),
        "observations": rows,
    }


def _report_size() -> int:
    """Rows of one whole report: every metric's total, and a breakdown of those broken down."""
    cells = sum(len([code for code, codelist in model.categories(dimension).items() if not model.deprecated(codelist, code)])
                for dimension in DIMENSIONS)
    return sum(1 + (cells if metric in BROKEN_DOWN else 0) for metric, _, _ in METRIC_CHAIN)


def _shares(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def submissions(providers: int, microcredentials: int, observations: int, seed: int) -> Iterator[dict[str, Any]]:
    """Synthetic submission documents, one per provider."""
    rng = random.Random(seed)
    per_provider = _shares(microcredentials, providers)
    rows_per_provider = _shares(observations, providers)
    number = 0
    for index, (count, rows) in enumerate(zip(per_provider, rows_per_provider, strict=True), start=1):
        provider = _organization(rng, index)
        partner = _partner(index, TOPICS[index % len(TOPICS)][4][0])
        items = []
        first = rng.randrange(len(TOPICS))
        for variant in range(first, first + count):
            number += 1
            items.append(_microcredential(rng, provider, partner["id"], number, variant))
        reports = []
        if rows and items:
            size = _report_size()
            sizes = [size] * (rows // size) + ([rows % size] if rows % size else [])
            reports = [_report(rng, items[i % len(items)]["id"], i // len(items), size) for i, size in enumerate(sizes)]
        yield {"standard_version": model.model()["version"], "provider": provider["id"],
               "contact_email": f"data@{provider['id']}.example.ca", "last_updated": "2026-09-15",
               "organizations": [provider, partner], "microcredentials": items, "outcome_reports": reports}


def write(out: Path, providers: int, microcredentials: int, observations: int, seed: int) -> int:
    """Write the synthetic packages under `out` and return how many."""
    profile = tabular.load_profile()
    count = 0
    for document in submissions(providers, microcredentials, observations, seed):
        folder = out / document["provider"]
        tabular.write_package(document, folder, profile, name=document["provider"])
        count += 1
    return count
