"""One factory per model, all in tests/factories/, with traits for the usual states."""

import ast
from collections import defaultdict
from pathlib import Path

import pytest
from django.utils import timezone

from booths.models import FairState
from tests.factories import FairFactory

TESTS = Path(__file__).resolve().parent


def _model_factories():
    """(file, factory class, model name) of every DjangoModelFactory written under tests/."""
    for path in sorted(TESTS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            if not any(ast.unparse(base).endswith("DjangoModelFactory") for base in node.bases):
                continue
            for inner in node.body:
                if isinstance(inner, ast.ClassDef) and inner.name == "Meta":
                    for statement in inner.body:
                        if (
                            isinstance(statement, ast.Assign)
                            and ast.unparse(statement.targets[0]) == "model"
                        ):
                            yield path, node.name, ast.unparse(statement.value)


def test_each_model_has_one_factory_and_it_lives_in_tests_factories():
    by_model = defaultdict(list)
    for path, name, model in _model_factories():
        by_model[model].append(f"{path.relative_to(TESTS)}:{name}")
    assert by_model, "no factories found: the scan is broken"
    twice = {model: where for model, where in by_model.items() if len(where) > 1}
    assert not twice, f"models with more than one factory: {twice}"
    elsewhere = [w for where in by_model.values() for w in where if not w.startswith("factories/")]
    assert not elsewhere, f"factories outside tests/factories/: {elsewhere}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "trait, state",
    [
        ("draft", FairState.DRAFT),
        (None, FairState.OPEN),
        ("scoring", FairState.SCORING),
        ("allocated", FairState.ALLOCATED),
        ("running", FairState.RUNNING),
        ("closed", FairState.CLOSED),
    ],
)
def test_each_fair_trait_makes_a_valid_fair_in_that_state(trait, state):
    fair = FairFactory(**({trait: True} if trait else {}))
    fair.full_clean()
    today = timezone.localdate()
    assert fair.state == state
    assert fair.applications_open_on < fair.applications_close_on < fair.start_date
    if state == FairState.RUNNING:
        assert fair.start_date <= today <= fair.end_date
    elif state == FairState.CLOSED:
        assert fair.end_date < today
    else:
        assert today < fair.start_date
