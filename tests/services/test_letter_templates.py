"""Letter templates: the shipped set is sound; bad templates fail before any PDF, by name."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from grievance_desk.services.letter_templates import (
    FIELDS,
    EmptyFields,
    LetterTemplateError,
    MissingRequiredContent,
    TemplateSyntaxProblem,
    UnknownField,
    UnsafeTemplate,
    check_template,
    format_date,
    get_template,
    list_templates,
    render_template,
    save_template_copy,
    shipped_templates,
    template_versions,
    use_shipped_template,
)
from grievance_desk.storage.register import Register
from tests.conftest import NOW

EXPECTED = {
    "acknowledgement", "identity_proof", "clarification", "extension_notice",
    "access_response", "correction_done", "erasure_done", "objection_outcome",
    "consent_withdrawn", "nomination_recorded", "complaint_resolved", "refusal", "closure",
}  # fmt: skip


def _context() -> dict[str, dict[str, object]]:
    context: dict[str, dict[str, object]] = {}
    for path in FIELDS:
        namespace, name = path.split(".", 1)
        context.setdefault(namespace, {})[name] = f"<{path}>"
    for name in ("received_on",):
        context["case"][name] = date(2026, 11, 20)
    for name in ("acknowledge_by", "respond_by", "extension_notice_by", "extended_respond_by"):
        context["deadlines"][name] = date(2026, 12, 20)
    context["deadlines"]["final_respond_by"] = date(2026, 12, 20)
    context["letter"]["date"] = date(2026, 11, 25)
    return context


def test_every_shipped_template_is_sound_and_declares_the_officer_contact() -> None:
    templates = shipped_templates()
    assert {t.id for t in templates} == EXPECTED
    for template in templates:
        assert check_template(template) == [], template.id
        assert template.version == "shipped-2"
        assert any(i.id == "officer_contact" for i in template.required_content)
        assert all(f in FIELDS for f in template.fields)
    by_id = {t.id: t for t in templates}
    assert any(i.id == "escalation_route" for i in by_id["refusal"].required_content)
    # Optional: "nothing kept" is said in words, never "we must keep some data: None".
    assert not any(i.id == "data_retained" for i in by_id["erasure_done"].required_content)
    assert {i.id for i in by_id["extension_notice"].required_content} >= {
        "extension_reasons",
        "new_date",
    }


def test_every_template_renders_with_every_field_filled() -> None:
    for template in shipped_templates():
        text = render_template(template, _context())
        assert "<case.reference>" in text.subject + text.body
        assert "{{" not in text.body


def test_date_filter_formats() -> None:
    assert format_date(date(2026, 11, 5)) == "5 November 2026"
    assert format_date(date(2026, 11, 25), "%d/%m/%Y") == "25/11/2026"
    assert format_date(date(2026, 1, 2), "%-d %b %Y") == "2 Jan 2026"


def _with_body(body: str, template_id: str = "acknowledgement") -> object:
    return replace(next(t for t in shipped_templates() if t.id == template_id), body=body)


def test_an_unknown_field_is_named_with_the_fields_available() -> None:
    template = _with_body("Hello {{ requester.nmae }}. {{ officer.contact }} {{ officer.name }}")
    with pytest.raises(UnknownField) as error:
        render_template(template, _context())  # type: ignore[arg-type]
    assert "requester.nmae" in str(error.value)
    assert "Fields available:" in str(error.value)
    assert "requester.name" in str(error.value)
    assert "Did you mean 'requester.name'?" in str(error.value)
    assert error.value.names == ["requester.nmae"]


def test_an_unknown_top_level_name_is_refused() -> None:
    template = _with_body("{{ lipsum }} {{ officer.contact }} {{ officer.name }}")
    with pytest.raises(UnknownField, match="lipsum"):
        render_template(template, _context())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "body",
    [
        "{{ case.__class__.__mro__ }}",
        "{{ ''.__class__ }}",
        "{{ case.reference.__class__.__base__.__subclasses__() }}",
        "{% set x = case %}{{ x.__init__ }}",
    ],
)
def test_a_sandbox_escape_is_refused(body: str) -> None:
    template = _with_body(body + " {{ officer.contact }} {{ officer.name }}")
    with pytest.raises(UnsafeTemplate, match="internal of Python"):
        render_template(template, _context())  # type: ignore[arg-type]


def test_a_syntax_error_names_its_line() -> None:
    template = _with_body("Line one.\n\nLine three {{ case.reference }\n{{ officer.contact }}")
    with pytest.raises(TemplateSyntaxProblem, match="line 3") as error:
        render_template(template, _context())  # type: ignore[arg-type]
    assert error.value.line == 3


def test_a_missing_required_item_is_named_with_its_law() -> None:
    refusal = next(t for t in shipped_templates() if t.id == "refusal")
    cut = replace(refusal, body=refusal.body.replace("{{ escalation.route }}", ""))
    problems = check_template(cut)
    assert [p.kind for p in problems] == ["missing_content"]
    assert "s.27" in problems[0].message
    with pytest.raises(
        MissingRequiredContent, match="Required content missing: Where the requester may go"
    ):
        render_template(cut, _context())


def test_an_empty_required_field_is_named_before_rendering() -> None:
    refusal = next(t for t in shipped_templates() if t.id == "refusal")
    context = _context()
    context["letter"]["reasons"] = ""
    with pytest.raises(EmptyFields, match=r"letter\.reasons") as error:
        render_template(refusal, context)
    assert error.value.names == ["letter.reasons"]


def test_edited_copies_are_versioned_and_the_shipped_one_stays(register: Register) -> None:
    shipped = next(t for t in shipped_templates() if t.id == "acknowledgement")
    first = save_template_copy(
        register,
        "acknowledgement",
        now=NOW,
        subject=shipped.subject,
        salutation="Dear {{ requester.name }},",
        body=shipped.body + "\n\nWith thanks.",
        closing="Yours faithfully,",
    )
    second = save_template_copy(
        register,
        "acknowledgement",
        now=NOW,
        subject=shipped.subject,
        salutation=shipped.salutation,
        body=shipped.body.replace("{{ officer.contact }}", "the address above"),
        closing=shipped.closing,
    )
    assert (first.version_id, second.version_id) == (
        "acknowledgement@custom-1",
        "acknowledgement@custom-2",
    )
    with register.reading() as session:
        assert get_template(session, "acknowledgement").version == "custom-2"
        assert get_template(session, "acknowledgement", "custom-1").closing == "Yours faithfully,"
        assert [t.version for t in template_versions(session, "acknowledgement")] == [
            "shipped-2",
            "custom-1",
            "custom-2",
        ]
        current = get_template(session, "acknowledgement")
        assert any(p.kind == "missing_content" for p in check_template(current))
        assert {t.id: t.version for t in list_templates(session)}["acknowledgement"] == "custom-2"
    assert next(t for t in shipped_templates() if t.id == "acknowledgement") == shipped
    use_shipped_template(register, "acknowledgement", now=NOW)
    with register.reading() as session:
        assert get_template(session, "acknowledgement") == shipped


def test_a_copy_with_an_unknown_field_is_not_saved(register: Register) -> None:
    with pytest.raises(LetterTemplateError, match=r"case\.nope"):
        save_template_copy(
            register,
            "closure",
            now=NOW,
            subject="x",
            salutation="",
            body="{{ case.nope }}",
            closing="",
        )
    with register.reading() as session:
        assert get_template(session, "closure").shipped
