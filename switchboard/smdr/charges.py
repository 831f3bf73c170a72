"""What a call costs the guest: a tariff per call type, charged per started unit of time."""

from __future__ import annotations

from dataclasses import dataclass, field

from switchboard.smdr.records import CallRecord, Direction


@dataclass(frozen=True, slots=True)
class Tariff:
    """Cents per started unit of ``unit_s`` seconds, and a flat set-up charge."""

    cents_per_unit: int
    unit_s: int = 60
    setup_cents: int = 0


@dataclass(frozen=True, slots=True)
class ChargeRule:
    """Tariffs by call type (the PBX's TYP or a context); calls not listed use ``default``.

    Incoming, internal and unanswered calls cost nothing; a call shorter than
    ``free_s`` (a wrong number put down at once) costs nothing either, nor does one the PBX placed
    on its own (mobile twinning, forwarding, a conference: ``system_made``).
    """

    default: Tariff
    by_type: dict[str, Tariff] = field(default_factory=dict)
    free_s: int = 0

    def cents(self, call: CallRecord) -> int:
        if (
            call.direction is not Direction.OUTGOING
            or not call.answered
            or call.system_made
            or call.duration_s <= self.free_s
        ):
            return 0
        tariff = self.by_type.get(call.call_type, self.default)
        units = -(-call.duration_s // tariff.unit_s)
        return tariff.setup_cents + units * tariff.cents_per_unit
