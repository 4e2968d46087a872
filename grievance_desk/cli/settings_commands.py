"""``settings``: show and set the organisation, officer, time zone and default policies.

A register made by ``init`` on a server or in a script must be able to issue letters; until
now only the window's set-up wizard could fill in the officer details that letters sign with.
"""

from __future__ import annotations

import argparse
import base64
import json
import sys
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from grievance_desk.cli import settings_policies
from grievance_desk.cli.common import UserError, opened_register, register_options
from grievance_desk.messages import _, ngettext

#: Organisation fields set from a PNG file (the logo, the signature).
_IMAGE_FIELDS = frozenset({"logo_png", "signature_png"})
_PNG = b"\x89PNG\r\n\x1a\n"
_MAX_IMAGE = 2_000_000


def _field_for(key: str) -> str:
    from grievance_desk.services.organisation import FIELD_KEYS

    by_key = {setting: field for field, setting in FIELD_KEYS.items()}
    if key not in by_key:
        names = ", ".join(sorted(by_key))
        raise UserError(
            _("{key} is not a setting. Known settings: {names}.").format(key=repr(key), names=names)
        )
    return by_key[key]


def _image_value(path_text: str) -> str:
    """A PNG file as the base64 the letters embed; empty text removes the image."""
    if not path_text:
        return ""
    path = Path(path_text).expanduser()
    if not path.is_file():
        raise UserError(_("{path} is not a file. Give the path of a PNG image.").format(path=path))
    if path.stat().st_size > _MAX_IMAGE:
        raise UserError(
            _("{path} is over 2 MB. Use a smaller PNG (a logo needs ~50 KB).").format(path=path)
        )
    data = path.read_bytes()
    if not data.startswith(_PNG):
        raise UserError(
            _("{path} is not a PNG image. Save it as PNG and try again.").format(path=path)
        )
    return base64.b64encode(data).decode("ascii")


def _show(args: argparse.Namespace) -> int:
    from grievance_desk.services.case_lookup import officer_zone
    from grievance_desk.services.clock import utc_now
    from grievance_desk.services.organisation import FIELD_KEYS, load_organisation

    with opened_register(args) as register:
        organisation = load_organisation(register)
        with register.reading() as session:
            today = utc_now().astimezone(officer_zone(session)).date()
        policies = settings_policies.show(register, today, explain_unset=not args.json)
        effective = settings_policies.effective_defaults(register, today)
    values = asdict(organisation)
    image_set = "(image set)" if args.json else _("(image set)")  # JSON stays English
    shown = {
        setting: (image_set if values[field] else "") if field in _IMAGE_FIELDS else values[field]
        for field, setting in FIELD_KEYS.items()
    }
    if args.json:
        shown.update(policies)
        document = {**shown, "complete": organisation.is_complete, "effective_policy": effective}
        json.dump(document, sys.stdout, indent=2)
        print()
        return 0
    shown.update(policies)
    width = max(map(len, shown))
    for setting, value in shown.items():
        print(f"{setting:<{width}}  {value}")
    if not organisation.is_complete:
        print(file=sys.stderr)
        print(
            _("Letters need organisation.name, officer.name and officer.email or officer.phone."),
            file=sys.stderr,
        )
    return 0


def _set(args: argparse.Namespace) -> int:
    from grievance_desk.services.clock import utc_now, zone
    from grievance_desk.services.organisation import (
        load_organisation,
        organisation_problems,
        save_organisation,
    )

    changes: dict[str, str] = {}
    policy_pairs = [(k, v) for k, v in args.pairs if k.startswith(settings_policies.PREFIX)]
    for key, value in args.pairs:
        if key.startswith(settings_policies.PREFIX):
            continue
        field = _field_for(key)
        changes[field] = _image_value(value) if field in _IMAGE_FIELDS else value.strip()
    with opened_register(args) as register:
        organisation = replace(load_organisation(register), **changes)
        # Every value is checked before anything is written: the organisation's here, the
        # policy choices inside their one transaction, saved before the organisation details.
        try:
            zone(organisation.timezone)
        except ValueError as error:
            raise UserError(_("{problem} Nothing was saved.").format(problem=error)) from error
        problems = organisation_problems(organisation)
        if problems:
            raise UserError(
                _("{problems}. Correct it; nothing was saved.").format(problems="; ".join(problems))
            )
        saved = settings_policies.save(register, policy_pairs) if policy_pairs else 0
        if changes:
            try:
                save_organisation(register, organisation, now=utc_now())
            except ValueError as error:  # the time zone
                raise UserError(_("{problem} Nothing was saved.").format(problem=error)) from error
    count = len(changes) + saved
    print(
        ngettext("Saved {count} setting.", "Saved {count} settings.", count).format(count=count),
        file=sys.stderr,
    )
    return 0


def _pair(text: str) -> tuple[str, str]:
    key, equals, value = text.partition("=")
    if not equals:
        raise argparse.ArgumentTypeError(
            _("{text} is not KEY=VALUE, e.g. officer.email=grievance@example.org").format(
                text=repr(text)
            )
        )
    return key.strip(), value


def add_parsers(subparsers: Any) -> None:
    common = register_options()
    settings = subparsers.add_parser(
        "settings",
        parents=[common],
        help=_("show or set the organisation, officer, time zone and default policies"),
        description=_(
            "With no KEY=VALUE, show the settings. With KEY=VALUE pairs, set them "
            "(checked as the window checks them; an image setting takes a PNG file's path). "
            "Default policies: policy.profile.jurisdictions=IN[,EU...] (home first), "
            "policy.profile.intermediary=yes|no, policy.profile.significant=yes|no, "
            "policy.member_state=DE (GDPR holidays; empty clears), and "
            "policy.default.REQUEST_TYPE=POLICY_ID (empty: the law's policy); "
            "`grievance-desk policies` lists the ids."
        ),
    )
    settings.add_argument(
        "pairs",
        nargs="*",
        type=_pair,
        metavar="KEY=VALUE",
        help=_(
            "e.g. organisation.name='Example Ltd' officer.timezone=Asia/Kolkata "
            "policy.profile.jurisdictions=IN"
        ),
    )
    settings.add_argument("--json", action="store_true", help=_("print the settings as JSON"))
    settings.set_defaults(func=lambda args: _set(args) if args.pairs else _show(args))
