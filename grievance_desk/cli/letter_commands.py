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
from grievance_desk.messages import _
from grievance_desk.services.clock import utc_now
from grievance_desk.services.letter_languages import TEMPLATE_LANGUAGES
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
        help=_("render (and with --issue, issue and store) a letter for a case"),
    )
    letter.add_argument("reference", metavar="REFERENCE", help=_("the case, e.g. GRV-2026-00042"))
    letter.add_argument("template", metavar="TEMPLATE", help=_("a template id (see `templates`)"))
    letter.add_argument(
        "--output", "-o", type=Path, required=True, metavar="FILE.pdf", help=_("where to save")
    )
    letter.add_argument(
        "--issue", action="store_true", help=_("issue the letter: store it on the case for good")
    )
    letter.add_argument(
        "--set",
        dest="fields",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help=_("fill a field typed for this letter, e.g. --set letter.reasons='…' (repeatable)"),
    )
    letter.add_argument(
        "--language",
        metavar="CODE",
        help=_(
            "the letter's language, e.g. hi or en (default: the case's confirmed reply "
            "language, else English; English where the template is not in that language)"
        ),
    )
    letter.set_defaults(func=run_letter)

    templates = subparsers.add_parser(
        "templates",
        parents=[parent],
        help=_("list the letter templates with their fields and required content"),
    )
    templates.add_argument("--json", action="store_true", help=_("print JSON"))
    templates.add_argument(
        "--language",
        choices=("en", *TEMPLATE_LANGUAGES),
        default="en",
        help=_("the letters' language (default: en); with --register, its edited copies too"),
    )
    templates.set_defaults(func=run_templates)


def _overrides(pairs: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise UserError(
                _("--set {pair}: write it as FIELD=VALUE, e.g. letter.reasons=…").format(
                    pair=repr(pair)
                )
            )
        found[name.strip()] = value.replace("\\n", "\n")
    return found


def run_letter(args: argparse.Namespace) -> int:
    """Render or issue one letter; the PDF goes to --output (private permissions)."""
    from grievance_desk.services import letter_drafts, letter_issue

    if args.output.suffix.lower() != ".pdf":
        raise UserError(_("--output {path} should end in .pdf.").format(path=args.output))
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
            _(
                "Issued letter {letter} ({version}) on {reference}; SHA-256 {digest}. "
                "Saved to {path}."
            ).format(
                letter=issued.letter_id,
                version=issued.template_version,
                reference=issued.reference,
                digest=issued.sha256,
                path=args.output,
            )
        )
        if issued.next_step is not None:
            print(_("Next step: {step}.").format(step=issued.next_step.label))
    else:
        print(
            _("Draft rendered to {path} (not stored; add --issue to issue it).").format(
                path=args.output
            )
        )
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
            _("There is no {language} template for {template}; the letter is in English.").format(
                language=reply.name, template=repr(args.template)
            ),
            file=sys.stderr,
        )
        return "en"
    return reply.code


def run_templates(args: argparse.Namespace) -> int:
    """List one language's templates; with --register, the officer's edited copies of that
    language are shown as in use."""
    if getattr(args, "register", None) is not None:
        with opened_register(args) as register, register.reading() as session:
            templates = list_templates(session, args.language)
    else:
        templates = list_templates(language=args.language)
    data = describe_templates(templates)
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    for entry in data:
        print(f"{entry['id']}  {entry['title']}  ({entry['version']})")
        print(
            "  "
            + _("suits: {types}; statuses {statuses}").format(
                types=", ".join(entry["request_types"]), statuses=", ".join(entry["statuses"])
            )
        )
        fields = ", ".join(f["name"] for f in entry["fields"])
        print("  " + _("fields: {names}").format(names=fields))
        for item in entry["required_content"]:
            print("  " + _("required: {item} [{law}]").format(item=item["label"], law=item["law"]))
    return 0
