"""``letter`` and ``templates``: formal letters from the command line.

``letter REFERENCE TEMPLATE --output FILE.pdf`` renders a letter without storing it;
``--issue`` issues it (stored for good, with its digest in the audit trail) and writes the
stored PDF. ``--set letter.reasons="…"`` fills a field the officer types for that letter.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from grievance_desk.cli.common import UserError, binary_output, opened_register, register_options
from grievance_desk.services.clock import utc_now
from grievance_desk.services.letter_templates import (
    LetterTemplateError,
    describe_templates,
    list_templates,
)


def add_parsers(subparsers: Any) -> None:
    """Register ``letter`` and ``templates`` with the main parser."""
    parent = register_options()
    letter = subparsers.add_parser(
        "letter",
        parents=[parent],
        help="render (and with --issue, issue and store) a letter for a case",
    )
    letter.add_argument("reference", metavar="REFERENCE", help="the case, e.g. GRV-2026-00042")
    letter.add_argument("template", metavar="TEMPLATE", help="a template id (see `templates`)")
    letter.add_argument(
        "--output", "-o", type=Path, required=True, metavar="FILE.pdf", help="where to save"
    )
    letter.add_argument(
        "--issue", action="store_true", help="issue the letter: store it on the case for good"
    )
    letter.add_argument(
        "--set",
        dest="fields",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="fill a field typed for this letter, e.g. --set letter.reasons='…' (repeatable)",
    )
    letter.add_argument(
        "--language",
        metavar="CODE",
        help="the letter's language, e.g. hi or en (default: the case's confirmed reply "
        "language, else English; English where the template is not in that language)",
    )
    letter.set_defaults(func=run_letter)

    templates = subparsers.add_parser(
        "templates",
        parents=[parent],
        help="list the letter templates with their fields and required content",
    )
    templates.add_argument("--json", action="store_true", help="print JSON")
    templates.set_defaults(func=run_templates)


def _overrides(pairs: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise UserError(f"--set {pair!r}: write it as FIELD=VALUE, e.g. letter.reasons=…")
        found[name.strip()] = value.replace("\\n", "\n")
    return found


def run_letter(args: argparse.Namespace) -> int:
    """Render or issue one letter; the PDF goes to --output (private permissions)."""
    from grievance_desk.services import letter_drafts, letter_issue

    if args.output.suffix.lower() != ".pdf":
        raise UserError(f"--output {args.output} should end in .pdf.")
    now = utc_now()
    overrides = _overrides(args.fields)
    with opened_register(args) as register:
        try:
            language = _language(register, args)
            if args.issue:
                draft = letter_drafts.draft_letter(
                    register,
                    args.reference,
                    args.template,
                    now=now,
                    overrides=overrides,
                    language=language,
                )
                issued = letter_issue.issue_letter(register, draft.letter_id, now=now)
                pdf = issued.pdf
            else:
                pdf = letter_drafts.preview_letter(
                    register,
                    args.reference,
                    args.template,
                    now=now,
                    overrides=overrides,
                    language=language,
                )
        except LetterTemplateError as error:
            raise UserError(str(error)) from None
    with binary_output(args.output) as handle:
        handle.write(pdf)
    if args.issue:
        print(
            f"Issued letter {issued.letter_id} ({issued.template_version}) on "
            f"{issued.reference}; SHA-256 {issued.sha256}. Saved to {args.output}."
        )
        if issued.next_step is not None:
            print(f"Next step: {issued.next_step.label}.")
    else:
        print(f"Draft rendered to {args.output} (not stored; add --issue to issue it).")
    return 0


def _language(register: Any, args: argparse.Namespace) -> str:
    """issue 17: --language, else the case's confirmed reply language where the template
    ships in it (said on stderr when it does not), else English."""
    from grievance_desk.services.letter_languages import has_template
    from grievance_desk.services.reply_language import get_reply_language

    if args.language:
        return str(args.language)
    reply = get_reply_language(register, args.reference)
    if not reply.confirmed or reply.code == "en":
        return "en"
    if not has_template(args.template, reply.code):
        print(
            f"There is no {reply.name} template for {args.template!r}; the letter is in English.",
            file=sys.stderr,
        )
        return "en"
    return reply.code


def run_templates(args: argparse.Namespace) -> int:
    """List templates; with --register, the officer's edited copies are shown as in use."""
    if getattr(args, "register", None) is not None:
        with opened_register(args) as register, register.reading() as session:
            templates = list_templates(session)
    else:
        templates = list_templates()
    data = describe_templates(templates)
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    for entry in data:
        print(f"{entry['id']}  {entry['title']}  ({entry['version']})")
        print(
            f"  suits: {', '.join(entry['request_types'])}; statuses {', '.join(entry['statuses'])}"
        )
        print(f"  fields: {', '.join(f['name'] for f in entry['fields'])}")
        for item in entry["required_content"]:
            print(f"  required: {item['label']} [{item['law']}]")
    return 0
