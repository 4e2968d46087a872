"""``verify``: is the register sound, and is its history intact?

Two independent checks, both required: SQLCipher's page authentication plus SQLite's
integrity check (the file), and the recomputed audit chain (the history).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from grievance_desk.services.letters import verify_issued_letters
from grievance_desk.storage.audit import ChainReport, verify_chain
from grievance_desk.storage.register import Register


@dataclass(frozen=True)
class VerifyReport:
    file_problems: list[str]
    chain: ChainReport
    letter_problems: list[str] = field(default_factory=list)
    history_checked: bool = True

    @property
    def ok(self) -> bool:
        return not self.file_problems and self.chain.ok and not self.letter_problems

    def lines(self) -> list[str]:
        """What to tell the officer, one finding per line."""
        if self.file_problems:
            first = self.file_problems[:5]
            file_line = "Database integrity: FAILED: " + "; ".join(first)
        else:
            file_line = "Database integrity: ok (encryption and structure checked)."
        if self.letter_problems:
            letters_line = "Issued letters: ALTERED: " + "; ".join(self.letter_problems[:5])
        else:
            letters_line = "Issued letters: ok (each matches the digest recorded when issued)."
        if not self.history_checked:
            return [
                file_line,
                "Audit chain and issued letters: not checked, because damaged pages cannot be "
                "read. Restore the latest backup (grievance-desk backups, then restore; or "
                "\u201cRestore from a backup\u2026\u201d on the unlock screen).",
            ]
        return [file_line, str(self.chain), letters_line]


def verify_register(register: Register) -> VerifyReport:
    """Run both checks; read-only, safe while the app is open in the same process."""
    problems = register.integrity_problems()
    if problems:
        # Damaged pages cannot be read back, so the history cannot be recomputed either:
        # say so rather than fail half-way through with a database error.
        unchecked = ChainReport(
            events=0,
            redacted=0,
            broken_at=0,
            problem="not checked: the file is damaged",
        )
        return VerifyReport(problems, unchecked, [], history_checked=False)
    with register.reading() as session:
        chain = verify_chain(session)
        letters = verify_issued_letters(session)
    return VerifyReport(problems, chain, letters)
