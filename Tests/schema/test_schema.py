"""The record schema accepts the five gold records the development and probe sets', and rejects records broken in known ways.

Run from the repository root: python3 -m pytest Tests/schema -q
"""

import json
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "schemas" / "record.schema.json").read_text(encoding="utf-8"))
GOLD_FILES = sorted((ROOT / "corpus" / "gold").glob("*.json"))
DEV_GOLD_FILES = sorted((ROOT / "corpus" / "dev" / "gold").glob("*.json")) + sorted(
    (ROOT / "corpus" / "probe" / "gold").glob("*.json"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def gold(prefix):
    """The gold record whose file name starts with `prefix`, freshly loaded (tests mutate it)."""
    (path,) = [p for p in GOLD_FILES if p.name.startswith(prefix)]
    return json.loads(path.read_text(encoding="utf-8"))


def error_pointers(record):
    """JSON pointers of every schema violation in `record`."""
    return {
        "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in error.absolute_path)
        for error in VALIDATOR.iter_errors(record)
    }


def test_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_there_are_five_gold_files():
    assert len(GOLD_FILES) == 5


def test_there_are_thirty_development_and_twenty_four_probe_gold_files():
    assert len(DEV_GOLD_FILES) == 54


@pytest.mark.parametrize("path", GOLD_FILES + DEV_GOLD_FILES, ids=lambda p: p.name)
def test_gold_file_validates(path):
    record = json.loads(path.read_text(encoding="utf-8"))
    assert list(VALIDATOR.iter_errors(record)) == []


def _set(pointer, value):
    """A mutation that sets the value at a JSON pointer (the parent must exist)."""
    *parents, last = pointer.strip("/").split("/")

    def mutate(record):
        node = record
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return mutate


def _delete(pointer):
    *parents, last = pointer.strip("/").split("/")

    def mutate(record):
        node = record
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        del node[last]

    return mutate


def _invalid_but_marked_valid(record):
    record["validation"]["issues"].append(
        {"severity": "error", "code": "impossible_date", "path": "/memo/date/iso", "message": "x"}
    )
    record["validation"]["valid"] = True


# (gold prefix, mutation, pointer that must be reported)
MUTATIONS = {
    "score_120": ("000", _set("/assessments/0/score", 120), "/assessments/0/score"),
    "negative_score": ("002", _set("/indicator_scores/0/score", -0.5), "/indicator_scores/0/score"),
    "score_as_string": ("000", _set("/assessments/0/score", "95.02"), "/assessments/0/score"),
    "missing_document_title": ("000", _delete("/document/title"), "/document"),
    "missing_nullable_key": ("001", _delete("/measures/0/period"), "/measures/0"),
    "extra_top_level_key": ("000", _set("/extra", 1), ""),
    "extra_nested_key": ("001", _set("/measures/0/note", "x"), "/measures/0"),
    "unknown_measure_status": ("001", _set("/measures/0/status", "finished"), "/measures/0/status"),
    "indicator_11": ("000", _set("/indicator_scores/0/indicator", 11), "/indicator_scores/0/indicator"),
    "indicator_0_on_measure": ("003", _set("/measures/0/indicator", 0), "/measures/0/indicator"),
    "bad_sha256": ("000", _set("/source/sha256", "B872" + "0" * 60), "/source/sha256"),
    "short_sha256": ("000", _set("/source/sha256", "ab" * 31), "/source/sha256"),
    "sha256_trailing_newline": ("000", _set("/source/sha256", "0" * 64 + "\n"), "/source/sha256"),
    "bad_question_code": ("002", _set("/question_scores/0/code", "I1"), "/question_scores/0/code"),
    "thai_digit_question_code": ("002", _set("/question_scores/0/code", "o๑๗"), "/question_scores/0/code"),
    "date_precision_week": ("000", _set("/memo/date/precision", "week"), "/memo/date/precision"),
    "precision_disagrees_with_iso": ("000", _set("/memo/date/precision", "month"), "/memo/date"),
    "month_13": ("000", _set("/memo/date/iso", "2023-13-19"), "/memo/date/iso"),
    "day_32": ("003", _set("/measures/0/period/end", "2026-09-32"), "/measures/0/period/end"),
    "unknown_format": ("000", _set("/source/format", "docx"), "/source/format"),
    "unknown_kind": ("000", _set("/document/kind", "letter"), "/document/kind"),
    "unknown_org_type": ("000", _set("/document/organization/type", "เทศบาล"), "/document/organization/type"),
    "unknown_level": ("000", _set("/assessments/0/level", "ดีมาก"), "/assessments/0/level"),
    "unknown_tool": ("003", _set("/tool_scores/0/tool", "XIT"), "/tool_scores/0/tool"),
    "unknown_title": ("000", _set("/signatories/0/title", "คุณ"), "/signatories/0/title"),
    "unknown_severity": ("000", _set("/validation/issues/0/severity", "info"), "/validation/issues/0/severity"),
    "gregorian_year": ("000", _set("/assessments/0/year_be", 2023), "/assessments/0/year_be"),
    "fractional_year": ("000", _set("/document/fiscal_year_be", 2566.5), "/document/fiscal_year_be"),
    "page_0": ("000", _set("/assessments/0/at/page", 0), "/assessments/0/at/page"),
    "line_0": ("000", _set("/assessments/0/at/line", 0), "/assessments/0/at/line"),
    "negative_bytes": ("000", _set("/source/bytes", -1), "/source/bytes"),
    "part_0": ("003", _set("/tool_scores/0/part", 0), "/tool_scores/0/part"),
    "boolean_as_number": ("000", _set("/source/bytes", True), "/source/bytes"),
    "schema_version_2": ("000", _set("/schema_version", "2.0"), "/schema_version"),
    "null_list": ("000", _set("/measures", None), "/measures"),
    "thai_digits_in_text": ("000", _set("/document/title", "รายงานผล ๒๕๖๖"), "/document/title"),
    "leading_space": ("000", _set("/signatories/0/name", " ศุภชัย โสภานไฮ"), "/signatories/0/name"),
    "trailing_newline": ("000", _set("/signatories/0/name", "ศุภชัย โสภานไฮ\n"), "/signatories/0/name"),
    "double_space": ("000", _set("/memo/subject", "รายงาน  ผล"), "/memo/subject"),
    "zero_width_space": ("000", _set("/memo/subject", "รายงาน\u200bผล"), "/memo/subject"),
    "decomposed_sara_am": ("000", _set("/memo/subject", "ก\u0e4d\u0e32หนด"), "/memo/subject"),
    "empty_text": ("001", _set("/measures/0/steps/0", ""), "/measures/0/steps/0"),
    "memo_kind_without_memo": ("000", _set("/memo", None), ""),
    "report_with_memo": ("002", _set("/document/kind", "memo"), ""),
    "bad_issue_path": ("000", _set("/validation/issues/0/path", "indicator_scores/0"), "/validation/issues/0/path"),
    "errors_but_valid": ("000", _invalid_but_marked_valid, "/validation"),
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_schema_rejects_broken_record(name):
    prefix, mutate, pointer = MUTATIONS[name]
    record = gold(prefix)
    mutate(record)
    assert pointer in error_pointers(record)



def _invalid_and_marked_invalid(record):
    _invalid_but_marked_valid(record)
    record["validation"]["valid"] = False


# Edge values the contract allows: the schema must not be stricter than RECORD.md.
ACCEPTED = {
    "errors_and_not_valid": ("000", _invalid_and_marked_invalid),
    "year_precision": ("000", lambda r: r["memo"]["date"].update(iso="2023", precision="year")),
    "month_precision": ("000", lambda r: r["memo"]["date"].update(iso="2023-04", precision="month")),
    "open_period": ("003", lambda r: r["measures"][0]["period"].update(start=None, end=None)),
    "null_level": ("000", _set("/assessments/0/level", None)),
    "integral_float_score": ("000", _set("/assessments/0/score", 100.0)),
    "score_bounds": ("002", lambda r: [_set("/indicator_scores/0/score", 0)(r), _set("/indicator_scores/1/score", 100)(r)]),
    "pdf_page": ("000", lambda r: r["source"].update(format="pdf-ocr", pages=3) or r["assessments"][0]["at"].update(page=1)),
    "doctor_title": ("000", _set("/signatories/0/title", "ดร.")),
    "latin_and_punctuation": ("000", _set("/memo/subject", "ITA (O1-O10) 95.02% “ดี” - 1/2")),
    "lone_nikhahit": ("000", _set("/memo/subject", "พุทธํ")),
    "issue_without_field": ("000", _set("/validation/issues/0/path", "")),
    "no_organization_type": ("000", _set("/document/organization/type", None)),
}


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_schema_accepts_edge_values(name):
    prefix, mutate = ACCEPTED[name]
    record = gold(prefix)
    mutate(record)
    assert error_pointers(record) == set()
