"""argparse's own texts that an officer can meet, marked so pybabel puts them in our catalogue.

argparse looks them up with `gettext.gettext` in the default text domain, which the command
line makes ours (`language.speak_the_terminals_language`); Python ships no translation of
them. Nothing imports this module at run time: it is read by ``pybabel extract`` only.
tests/cli/test_cli_language.py checks the list against the running Python's argparse (3.11
and 3.12 share these msgids; 3.13 adds the heading and default ones below, and "subcommands").
Left out: texts only a programmer meets while building a parser (conflicting options, a bad
``dest=``), and counted ones (``nargs=N``), which no command uses.
"""

from __future__ import annotations

from grievance_desk.messages import N_

ARGPARSE_TEXTS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("subcommands"),
    N_("%(heading)s:"),
    N_(" (default: %(default)s)"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("%(prog)s: warning: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("not allowed with argument %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("unrecognized arguments: %s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ignored explicit argument %r"),
    N_("unexpected option string: %s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("argument '%(argument_name)s' is deprecated"),
    N_("option '%(option)s' is deprecated"),
    N_("command '%(parser_name)s' is deprecated"),
)
